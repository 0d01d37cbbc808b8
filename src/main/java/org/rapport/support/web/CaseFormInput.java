package org.rapport.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.SupportCase;

/**
 * A case as its form takes it; the queue and "assign to me" count only for a new case. A lead's case keeps its lead,
 * which the form shows but does not change.
 */
record CaseFormInput(UUID accountId, UUID contactId, UUID contractId, UUID leadId,
		@NotBlank @Size(max = SupportCase.MAX_SUBJECT) String subject,
		@Size(max = SupportCase.MAX_DESCRIPTION) String description, @NotNull CasePriority priority,
		@NotNull CaseChannel channel, @Size(max = SupportCase.MAX_CATEGORY) String category, UUID queueId,
		Boolean assignToMe, Long version) {

	/** A new case of the account (if one is given), normal priority, by e-mail, in the queue given, taken at once. */
	static CaseFormInput blank(UUID account, UUID contract, UUID queue) {
		return new CaseFormInput(account, null, contract, null, null, null, CasePriority.NORMAL, CaseChannel.EMAIL, null, queue,
				true, null);
	}

	static CaseFormInput of(SupportCase c) {
		return new CaseFormInput(c.getAccountId(), c.getContactId(), c.getContractId(), c.getLeadId(), c.getSubject(),
				c.getDescription(),
				c.getPriority(), c.getChannel(), c.getCategory(), c.getTeamId(), null, c.getVersion());
	}

	SupportCase.Details toDetails() {
		return new SupportCase.Details(accountId, contactId, contractId, subject, description, priority, channel,
				category, leadId);
	}

	boolean takesIt() {
		return assignToMe != null && assignToMe;
	}
}
