package org.rapport.sales;

import java.util.List;
import java.util.UUID;
import org.rapport.search.RecordsWrittenInBulk;

/**
 * A batch of opportunities an import created, updated or (undoing it) removed, published once per batch instead of
 * once per opportunity.
 */
public record OpportunitiesImported(List<OpportunityId> created, List<OpportunityId> updated,
		List<OpportunityId> removed) implements RecordsWrittenInBulk {

	public OpportunitiesImported(List<OpportunityId> created, List<OpportunityId> updated) {
		this(created, updated, List.of());
	}

	@Override
	public String searchKind() {
		return OpportunityId.TYPE;
	}

	@Override
	public List<UUID> writtenIds() {
		return RecordsWrittenInBulk.idsOf(created, updated, OpportunityId::value);
	}

	@Override
	public List<UUID> removedIds() {
		return RecordsWrittenInBulk.idsOf(removed, OpportunityId::value);
	}
}
