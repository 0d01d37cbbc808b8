package org.rapport.sales;

import java.time.Instant;

public record OpportunityStageChanged(OpportunityId opportunity, StageId from, StageId to, StageKind kind,
		Instant at) {
}
