package org.rapport.sales;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rapport.customers.AccountSource;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.EmailAddress;

/**
 * A lead that another module captures for somebody who wrote in, held to the rules of the public lead form: a last
 * name and an e-mail address, the rest optional, each within the form's limits.
 */
public record NewLead(@Size(max = NewLead.MAX_NAME) String firstName,
		@NotBlank @Size(max = NewLead.MAX_NAME) String lastName,
		@Size(max = NewLead.MAX_COMPANY) String company,
		@NotBlank @EmailAddress @Size(max = ContactPoints.EMAIL_MAX) String email,
		@NotNull AccountSource source,
		@Size(max = NewLead.MAX_NOTES) String notes) {

	/** The longest first or last name of a lead, as the lead forms take it. */
	public static final int MAX_NAME = 100;

	/** The longest company name of a lead. */
	public static final int MAX_COMPANY = 200;

	/** The longest message a lead leaves. */
	public static final int MAX_NOTES = 4000;
}
