package org.rapport.support.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.SlaPolicy;

/**
 * An SLA policy as the API shows it.
 */
record SlaPolicyResource(UUID id, long version, String name, int position, CasePriority matchPriority,
		String matchTier,
		@Schema(description = "The contract service level it applies to; null for any") String matchServiceLevel,
		UUID calendarId, int firstResponseMinutes, int resolutionMinutes, int warningPercent,
		boolean raisePriority, boolean aroundTheClock, UUID escalationTeamId, boolean active, Instant createdAt,
		Instant updatedAt) {

	static SlaPolicyResource of(SlaPolicy p) {
		return new SlaPolicyResource(p.getId(), p.getVersion(), p.getName(), p.getPosition(), p.getMatchPriority(),
				p.getMatchTier(), p.getMatchServiceLevel(), p.getCalendarId(), p.getFirstResponseMinutes(), p.getResolutionMinutes(),
				p.getWarningPercent(), p.isRaisePriority(), p.isAroundTheClock(), p.getEscalationTeamId(),
				p.isActive(), p.getCreatedAt(), p.getUpdatedAt());
	}
}
