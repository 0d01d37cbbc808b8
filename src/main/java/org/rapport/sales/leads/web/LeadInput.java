package org.rapport.sales.leads.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.sales.web.Checks;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.PhoneNumber;

/**
 * A lead as the form and the API take it; checked before anything reaches the database.
 */
record LeadInput(
		@Schema(description = "The id another system gives the lead, unique among leads. Left out, it stays as it is; "
				+ "empty, it is taken away.")
		@Size(max = ExternalIds.MAX_LENGTH) String externalId,
		@Size(max = 100) String firstName,
		@NotBlank @Size(max = 100) String lastName,
		@Size(max = 200) String company,
		@Size(max = 100) String title,
		@EmailAddress @Size(max = ContactPoints.EMAIL_MAX) String email,
		@Size(max = ContactPoints.PHONE_MAX) @PhoneNumber String phone,
		AccountSource source,
		LeadStatus status,
		LeadRating rating,
		@Size(max = 500) String disqualifiedReason,
		@Size(max = 4000) String notes,
		UUID ownerId,
		UUID teamId,
		Map<String, Object> customFields,
		Long version) {

	static LeadInput empty() {
		return new LeadInput(null, null, null, null, null, null, null, null, LeadStatus.NEW, null, null, null, null, null,
				null, null);
	}

	static LeadInput of(Lead lead) {
		return new LeadInput(null, lead.getFirstName(), lead.getLastName(), lead.getCompany(), lead.getTitle(),
				lead.getEmail(), lead.getPhone(), lead.getSource(), lead.getStatus(), lead.getRating(),
				lead.getDisqualifiedReason(), lead.getNotes(), lead.getOwnerId(), lead.getTeamId(), null,
				lead.getVersion());
	}

	LeadDetails toDetails() {
		return new LeadDetails(Checks.blankToNull(firstName), lastName, Checks.blankToNull(company),
				Checks.blankToNull(title), Checks.blankToNull(email), Checks.blankToNull(phone), source,
				rating, Checks.blankToNull(notes), externalId);
	}

	UserId owner() {
		return ownerId == null ? null : new UserId(ownerId);
	}

	TeamId team() {
		return teamId == null ? null : new TeamId(teamId);
	}
}
