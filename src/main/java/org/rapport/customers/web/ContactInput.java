package org.rapport.customers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import java.util.Map;
import org.rapport.customers.internal.Contact;
import org.rapport.customers.internal.ContactDetails;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.PostalAddress;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.PhoneNumber;

/**
 * A contact as the form and the API take it; checked before anything reaches the database.
 */
record ContactInput(
		@Schema(description = "The id another system gives the contact, unique among contacts. Left out, it stays as "
				+ "it is; empty, it is taken away.")
		@Size(max = ExternalIds.MAX_LENGTH) String externalId,
		UUID accountId,
		@Schema(description = "The account by its external id, instead of accountId (or naming the same account)")
		@Size(max = ExternalIds.MAX_LENGTH) String accountExternalId,
		@Size(max = 100) String firstName,
		@NotBlank @Size(max = 100) String lastName,
		@Size(max = 100) String title,
		@EmailAddress @Size(max = ContactPoints.EMAIL_MAX) String email,
		@Size(max = ContactPoints.PHONE_MAX) @PhoneNumber String phone,
		@Valid AddressInput address,
		UUID ownerId,
		UUID teamId,
		Boolean doNotContact,
		Map<String, Object> customFields,
		Long version) {

	ContactInput {
		address = address == null ? AddressInput.EMPTY : address;
	}

	static ContactInput forAccount(UUID accountId) {
		return new ContactInput(null, accountId, null, null, null, null, null, null, AddressInput.EMPTY,
				null, null, false, null, null);
	}

	static ContactInput of(Contact contact) {
		return new ContactInput(null, contact.getAccount() == null ? null : contact.getAccount().getId(), null,
				contact.getFirstName(), contact.getLastName(), contact.getTitle(), contact.getEmail(),
				contact.getPhone(), AddressInput.of(contact.getAddress()), contact.getOwnerId(), contact.getTeamId(),
				contact.isDoNotContact(), null, contact.getVersion());
	}

	ContactDetails toDetails() {
		return new ContactDetails(Checks.blankToNull(firstName), lastName, Checks.blankToNull(title),
				Checks.blankToNull(email), Checks.blankToNull(phone),
				address == null ? PostalAddress.EMPTY : address.toAddress(), Boolean.TRUE.equals(doNotContact),
				externalId);
	}

	UserId owner() {
		return ownerId == null ? null : new UserId(ownerId);
	}

	TeamId team() {
		return teamId == null ? null : new TeamId(teamId);
	}
}
