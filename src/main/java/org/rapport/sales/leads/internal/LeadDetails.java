package org.rapport.sales.leads.internal;

import org.rapport.customers.AccountSource;

/**
 * The descriptive fields of a lead, as a form, an API request or the public web form gives them.
 */
public record LeadDetails(String firstName, String lastName, String company, String title, String email,
		String phone, AccountSource source, LeadRating rating, String notes) {
}
