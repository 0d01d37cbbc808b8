package org.rapport.sales;

import java.util.List;
import java.util.UUID;
import org.rapport.search.RecordsWrittenInBulk;

/**
 * A batch of leads an import created, updated or (undoing it) removed, published once per batch instead of once per
 * lead.
 */
public record LeadsImported(List<LeadId> created, List<LeadId> updated, List<LeadId> removed)
		implements RecordsWrittenInBulk {

	public LeadsImported(List<LeadId> created, List<LeadId> updated) {
		this(created, updated, List.of());
	}

	@Override
	public String searchKind() {
		return LeadId.TYPE;
	}

	@Override
	public List<UUID> writtenIds() {
		return RecordsWrittenInBulk.idsOf(created, updated, LeadId::value);
	}

	@Override
	public List<UUID> removedIds() {
		return RecordsWrittenInBulk.idsOf(removed, LeadId::value);
	}
}
