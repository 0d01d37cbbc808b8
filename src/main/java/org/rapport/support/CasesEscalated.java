package org.rapport.support;

import java.util.List;

/**
 * The escalation sweep escalated a batch of support cases: each escalation, and the moves to Escalated that some of
 * them made, in the order they happened. One event for the batch, published with it, so that whoever records them
 * (the timeline) writes a batch at once rather than one transaction per case.
 */
public record CasesEscalated(List<CaseEscalated> escalations, List<CaseStatusChanged> moves) {

	public CasesEscalated {
		escalations = List.copyOf(escalations);
		moves = List.copyOf(moves);
	}
}
