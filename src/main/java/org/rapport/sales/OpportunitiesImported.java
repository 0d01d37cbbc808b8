package org.rapport.sales;

import java.util.List;

/**
 * A batch of opportunities an import created, updated or (undoing it) removed, published once per batch instead of
 * once per opportunity.
 */
public record OpportunitiesImported(List<OpportunityId> created, List<OpportunityId> updated,
		List<OpportunityId> removed) {

	public OpportunitiesImported(List<OpportunityId> created, List<OpportunityId> updated) {
		this(created, updated, List.of());
	}
}
