package org.rapport.customers;

import java.time.Instant;

public record LifecycleStageChanged(AccountId account, LifecycleStage from, LifecycleStage to, String reason,
		Instant at) {
}
