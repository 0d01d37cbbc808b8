package org.rapport.sales;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.RecordRef;

/**
 * Names leads, opportunities, orders and contracts for modules that keep records about them, such as activities.
 */
public interface SalesRecords {

	/** The kinds of record this facade knows, as {@link RecordRef#type()} names them. */
	java.util.List<String> TYPES = java.util.List.of(LeadId.TYPE, OpportunityId.TYPE, OrderId.TYPE, ContractId.TYPE);

	/** The record, if it is of a kind named in {@link #TYPES}, exists and the actor may see it. */
	Optional<SalesRecord> find(Actor actor, RecordRef ref);

	/** The record, if it is of a kind named in {@link #TYPES} and exists, whoever may see it; for event listeners. */
	Optional<SalesRecord> describe(RecordRef ref);

	/** The names of the given pipeline stages, in one query; unknown ids left out. */
	Map<UUID, String> stageNames(Collection<UUID> stages);

	/** The titles of the given records of one kind, in one query, whoever may see them; unknown ids left out. */
	Map<UUID, String> titles(String type, Collection<UUID> ids);
}
