package org.rapport.customers.internal;

import org.rapport.shared.PostalAddress;

/**
 * The descriptive fields of a contact, as a form or an API request gives them; {@code externalId}, the id another
 * system gives it, stays as it is when null and is taken away when empty.
 */
public record ContactDetails(String firstName, String lastName, String title, String email, String phone,
		PostalAddress address, boolean doNotContact, String externalId) {

	/** The fields of a form that leaves the external id as it is. */
	public ContactDetails(String firstName, String lastName, String title, String email, String phone,
			PostalAddress address, boolean doNotContact) {
		this(firstName, lastName, title, email, phone, address, doNotContact, null);
	}
}
