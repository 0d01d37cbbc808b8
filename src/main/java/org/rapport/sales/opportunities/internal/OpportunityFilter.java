package org.rapport.sales.opportunities.internal;

import java.util.UUID;
import org.rapport.sales.StageKind;

/**
 * What an opportunity list is narrowed to; every part is optional.
 */
public record OpportunityFilter(String q, UUID owner, UUID team, UUID pipeline, UUID stage, StageKind kind,
		UUID account) {

	public static final OpportunityFilter NONE = new OpportunityFilter(null, null, null, null, null, null, null);
}
