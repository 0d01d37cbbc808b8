package org.rapport.support.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.CaseStatus;
import org.rapport.support.internal.SlaState;
import org.rapport.support.internal.SupportCase;

/**
 * A case as the API shows it, with its SLA due times and its SLA state when it was read.
 */
record CaseResource(UUID id, long version, String number,
		@Schema(description = "The account the case is for; null for a lead's case") UUID accountId,
		@Schema(description = "The lead the case is for; null for an account's case") UUID leadId,
		UUID contactId, UUID contractId,
		String subject, String description, CasePriority priority, CaseStatus status,
		@Schema(description = "The statuses the case may move to from its own") Set<CaseStatus> nextStatuses,
		CaseChannel channel, String category, String resolution,
		@Schema(description = "The team whose queue the case is in") UUID queueId,
		@Schema(description = "The agent who has the case, or who opened it while it waits in the queue") UUID ownerId,
		@Schema(description = "Whether an agent has taken the case; false while it waits in its queue") boolean taken,
		@Schema(description = "Neither resolved nor closed") boolean open,
		Instant firstResponseAt, Instant resolvedAt, Instant closedAt,
		@Schema(description = "The SLA policy the case is held to, if any") UUID policyId,
		@Schema(description = "When the first response falls due; null once answered or without a policy") Instant responseDueAt,
		@Schema(description = "When the resolution falls due; null once resolved, while waiting on the customer, or "
				+ "without a policy") Instant resolutionDueAt,
		@Schema(description = "The SLA state when the case was read; null without a policy") SlaState slaState,
		Map<String, Object> customFields, Instant createdAt, Instant updatedAt) {

	static CaseResource of(SupportCase c, Instant now) {
		return new CaseResource(c.getId(), c.getVersion(), c.getNumber(), c.getAccountId(), c.getLeadId(),
				c.getContactId(),
				c.getContractId(), c.getSubject(), c.getDescription(), c.getPriority(), c.getStatus(),
				c.getStatus().next(), c.getChannel(), c.getCategory(), c.getResolution(), c.getTeamId(),
				c.getOwnerId(), c.isTaken(), c.isOpen(), c.getFirstResponseAt(), c.getResolvedAt(), c.getClosedAt(),
				c.getPolicyId(), c.getResponseDueAt(), c.getResolutionDueAt(), c.slaState(now).orElse(null),
				c.getCustomFields(), c.getCreatedAt(), c.getUpdatedAt());
	}
}
