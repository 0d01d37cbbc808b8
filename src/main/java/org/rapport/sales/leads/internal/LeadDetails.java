package org.rapport.sales.leads.internal;

import org.rapport.customers.AccountSource;

/**
 * The descriptive fields of a lead, as a form, an API request or the public web form gives them; {@code externalId},
 * the id another system gives it, stays as it is when null and is taken away when empty.
 */
public record LeadDetails(String firstName, String lastName, String company, String title, String email,
		String phone, AccountSource source, LeadRating rating, String notes, String externalId) {

	/** The fields of a form that leaves the external id as it is. */
	public LeadDetails(String firstName, String lastName, String company, String title, String email, String phone,
			AccountSource source, LeadRating rating, String notes) {
		this(firstName, lastName, company, title, email, phone, source, rating, notes, null);
	}
}
