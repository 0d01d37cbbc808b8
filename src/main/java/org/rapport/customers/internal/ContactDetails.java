package org.rapport.customers.internal;

import org.rapport.shared.PostalAddress;

/**
 * The descriptive fields of a contact, as a form or an API request gives them.
 */
public record ContactDetails(String firstName, String lastName, String title, String email, String phone,
		PostalAddress address, boolean doNotContact) {
}
