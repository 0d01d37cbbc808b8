package org.rapport.sales.leads.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rapport.customers.AccountSource;
import org.rapport.sales.NewLead;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.web.Checks;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.PhoneNumber;

/**
 * What a visitor sends through the public web form. {@code website} is a honeypot: hidden from people, so only a
 * robot fills it in.
 */
record WebFormLeadInput(
		@Size(max = NewLead.MAX_NAME) String firstName,
		@NotBlank @Size(max = NewLead.MAX_NAME) String lastName,
		@Size(max = NewLead.MAX_COMPANY) String company,
		@Size(max = 100) String title,
		@NotBlank @EmailAddress @Size(max = ContactPoints.EMAIL_MAX) String email,
		@Size(max = ContactPoints.PHONE_MAX) @PhoneNumber String phone,
		@Size(max = NewLead.MAX_NOTES) String message,
		String website) {

	static WebFormLeadInput empty() {
		return new WebFormLeadInput(null, null, null, null, null, null, null, null);
	}

	boolean isFromARobot() {
		return website != null && !website.isBlank();
	}

	LeadDetails toDetails() {
		return new LeadDetails(Checks.blankToNull(firstName), lastName, Checks.blankToNull(company),
				Checks.blankToNull(title), Checks.blankToNull(email), Checks.blankToNull(phone),
				AccountSource.WEBSITE, null, Checks.blankToNull(message));
	}
}
