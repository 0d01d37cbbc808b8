package org.rapport.support.web;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.SlaPolicy;

/** An SLA policy as its form takes it; an empty priority, tier or contract service level matches any. */
record PolicyInput(String name, @NotNull Integer position, CasePriority matchPriority, String matchTier,
		String matchServiceLevel, UUID calendarId, @NotNull Integer firstResponseMinutes, @NotNull Integer resolutionMinutes,
		@NotNull Integer warningPercent, Boolean raisePriority, Boolean aroundTheClock, UUID escalationTeamId,
		Boolean active, Long version) {

	static PolicyInput blank(int position, UUID calendar) {
		return new PolicyInput(null, position, null, null, null, calendar, 60, 480, 80, false, false, null, true, null);
	}

	static PolicyInput of(SlaPolicy p) {
		return new PolicyInput(p.getName(), p.getPosition(), p.getMatchPriority(), p.getMatchTier(), p.getMatchServiceLevel(), p.getCalendarId(),
				p.getFirstResponseMinutes(), p.getResolutionMinutes(), p.getWarningPercent(), p.isRaisePriority(),
				p.isAroundTheClock(), p.getEscalationTeamId(), p.isActive(), p.getVersion());
	}

	SlaPolicy.Terms toTerms() {
		return new SlaPolicy.Terms(name, position, matchPriority, matchTier == null || matchTier.isBlank() ? null
				: matchTier.strip(), matchServiceLevel, calendarId, firstResponseMinutes, resolutionMinutes, warningPercent,
				yes(raisePriority), yes(aroundTheClock), escalationTeamId, yes(active));
	}

	private static boolean yes(Boolean flag) {
		return flag != null && flag;
	}
}
