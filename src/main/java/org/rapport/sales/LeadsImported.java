package org.rapport.sales;

import java.util.List;

/**
 * A batch of leads an import created, updated or (undoing it) removed, published once per batch instead of once per
 * lead.
 */
public record LeadsImported(List<LeadId> created, List<LeadId> updated, List<LeadId> removed) {

	public LeadsImported(List<LeadId> created, List<LeadId> updated) {
		this(created, updated, List.of());
	}
}
