package org.rapport.support.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.SupportCase;

/**
 * A case as the API takes it: for an account or for a lead, exactly one of them. The queue and whether the caller
 * takes the case count only when it is opened.
 */
@AccountOrLead
record CaseInput(
		@Schema(description = "The account the case is for; required unless leadId is given, and left out when it is")
		UUID accountId,
		@Schema(description = "The lead the case is for (one you see that is not converted), instead of accountId; "
				+ "a lead's case has no contact and no contract. Converting the lead moves its cases to the account "
				+ "and contact it becomes.") UUID leadId,
		@Schema(description = "A contact of the case's account") UUID contactId,
		@Schema(description = "A contract of the case's account that the caller sees") UUID contractId,
		@NotBlank @Size(max = SupportCase.MAX_SUBJECT) String subject,
		@Size(max = SupportCase.MAX_DESCRIPTION) String description,
		@NotNull CasePriority priority,
		@NotNull CaseChannel channel,
		@Size(max = SupportCase.MAX_CATEGORY) String category,
		@Schema(description = "The team whose queue the case joins when it is opened; the caller's team when left "
				+ "out. Ignored when a case is changed.") UUID queueId,
		@Schema(description = "Whether the caller takes the new case (true, the default) or leaves it waiting in the "
				+ "queue. Ignored when a case is changed.") Boolean assignToMe,
		@Schema(description = "Custom field values by key; when a case is changed, the keys left out keep their "
				+ "values") Map<String, Object> customFields,
		@Schema(description = "The version read, instead of If-Match when a case is changed") Long version) {

	SupportCase.Details toDetails() {
		return new SupportCase.Details(accountId, contactId, contractId, subject, description, priority, channel,
				category, leadId);
	}

	boolean takes() {
		return assignToMe == null || assignToMe;
	}
}
