package org.rapport.support.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.SlaPolicy;

/**
 * An SLA policy as the API takes it; the flags left out are false, except {@code active}, and the warning threshold
 * is 80% of a target.
 */
record SlaPolicyInput(@NotBlank @Size(max = SlaPolicyInput.MAX_NAME) String name,
		@Schema(description = "Policies are tried in ascending position; the first that matches a case applies")
		@NotNull @Min(0) @Max(SlaPolicyInput.MAX_POSITION) Integer position,
		@Schema(description = "The priority of the cases it applies to; any priority when left out") CasePriority matchPriority,
		@Schema(description = "The account tier (the account's custom field tier) it applies to; any when left out")
		@Size(max = SlaPolicyInput.MAX_TIER) String matchTier,
		@Schema(description = "The service level of the case's contract (the contract's serviceLevel, such as Gold) "
				+ "it applies to, compared without regard to case; any contract, or none, when left out")
		@Size(max = SlaPolicy.MAX_SERVICE_LEVEL) String matchServiceLevel,
		@Schema(description = "The business calendar whose hours the targets count") @NotNull UUID calendarId,
		@Schema(description = "The first-response target in business minutes")
		@NotNull @Min(1) @Max(SlaPolicy.MAX_MINUTES) Integer firstResponseMinutes,
		@Schema(description = "The resolution target in business minutes, at least the first-response target")
		@NotNull @Min(1) @Max(SlaPolicy.MAX_MINUTES) Integer resolutionMinutes,
		@Schema(description = "The share of a target used from which a case is at risk; 80 when left out")
		@Min(1) @Max(100) Integer warningPercent,
		Boolean raisePriority,
		Boolean aroundTheClock,
		@Schema(description = "The team that an escalated case goes to") UUID escalationTeamId,
		@Schema(description = "Whether the policy applies to new cases; true when left out") Boolean active,
		@Schema(description = "The version read, instead of If-Match when a policy is changed") Long version) {

	static final int MAX_NAME = 100;
	static final int MAX_TIER = 100;
	static final int MAX_POSITION = 1_000_000;
	static final int DEFAULT_WARNING_PERCENT = 80;

	SlaPolicy.Terms toTerms() {
		return new SlaPolicy.Terms(name, position, matchPriority, matchTier, matchServiceLevel, calendarId, firstResponseMinutes,
				resolutionMinutes, warningPercent == null ? DEFAULT_WARNING_PERCENT : warningPercent,
				Boolean.TRUE.equals(raisePriority), Boolean.TRUE.equals(aroundTheClock), escalationTeamId,
				active == null || active);
	}
}
