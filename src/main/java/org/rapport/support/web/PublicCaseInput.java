package org.rapport.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.EmailAddress;
import org.rapport.support.internal.PublicCases;
import org.rapport.support.internal.SupportCase;

/**
 * What a customer sends through the public case form. {@code website} is a honeypot: hidden from people, so only a
 * robot fills it in.
 */
record PublicCaseInput(@NotBlank @EmailAddress @Size(max = ContactPoints.EMAIL_MAX) String email,
		@Size(max = PublicCases.MAX_NAME) String name, @NotBlank @Size(max = SupportCase.MAX_SUBJECT) String subject,
		@NotBlank @Size(max = SupportCase.MAX_DESCRIPTION) String description, String website) {

	static PublicCaseInput empty() {
		return new PublicCaseInput(null, null, null, null, null);
	}

	boolean isFromARobot() {
		return website != null && !website.isBlank();
	}
}
