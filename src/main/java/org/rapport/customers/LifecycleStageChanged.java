package org.rapport.customers;

import java.time.Instant;

/**
 * An account moved from one lifecycle stage to another at {@code at}, for the reason given (a message key or a
 * person's words).
 */
public record LifecycleStageChanged(AccountId account, LifecycleStage from, LifecycleStage to, String reason,
		Instant at) {
}
