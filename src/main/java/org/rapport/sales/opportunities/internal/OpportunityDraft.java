package org.rapport.sales.opportunities.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.Money;

/**
 * An opportunity as a form or an API request gives it. Without lines the amount is taken as given; with lines
 * it is their sum. A null stage means the pipeline's first open stage, a null probability the stage's.
 * {@code externalId}, the id another system gives it, stays as it is when null and is taken away when empty.
 */
public record OpportunityDraft(UUID account, String name, UUID pipeline, UUID stage, Money amount,
		LocalDate closeDate, Integer probability, String nextStep, String lostReason, UserId owner, TeamId team,
		List<Opportunity.LineRequest> lines, String externalId) {

	public OpportunityDraft {
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	/** A draft that leaves the external id as it is. */
	public OpportunityDraft(UUID account, String name, UUID pipeline, UUID stage, Money amount, LocalDate closeDate,
			Integer probability, String nextStep, String lostReason, UserId owner, TeamId team,
			List<Opportunity.LineRequest> lines) {
		this(account, name, pipeline, stage, amount, closeDate, probability, nextStep, lostReason, owner, team, lines,
				null);
	}
}
