package org.rapport.sales;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.MatchBy;

/**
 * Reads and writes opportunities in bulk for an import: one query per batch for the lookups, batched statements for
 * the writes (with the stage history), one {@link OpportunitiesImported} event per batch. Runs in the caller's
 * transaction. No per-record events: an opportunity imported into a won stage announces no win and makes no order.
 */
public interface OpportunityImports {

	/** A pipeline with its stages in their order, for finding them by name. */
	record PipelineStages(UUID id, String name, boolean isDefault, List<StageInfo> stages) {
	}

	record StageInfo(UUID id, String name, int probability, StageKind kind) {
	}

	List<PipelineStages> pipelines();

	/** Visible opportunities whose external id or name (case-insensitively) is one of the values. */
	List<OpportunityValues> findOpportunities(Actor actor, MatchBy key, Collection<String> values);

	/** Which of these external ids some opportunity already has, visible or not. */
	Set<String> takenExternalIds(Collection<String> externalIds);

	/** Stores new opportunities (their ids given) with version 0, each entering its stage now. */
	void insertOpportunities(Actor actor, List<OpportunityValues> opportunities);

	/**
	 * Overwrites opportunities whose version is still the one given; one that changes stage leaves the old one and
	 * enters the new one in its history. Returns the ids written.
	 */
	Set<UUID> updateOpportunities(Actor actor, List<OpportunityValues> opportunities);

	/** The current values of these opportunities, whoever may see them; for undoing an import. */
	List<OpportunityValues> opportunities(Collection<UUID> ids);

	/** Deletes these opportunities with their history. */
	void deleteOpportunities(Collection<UUID> ids);
}
