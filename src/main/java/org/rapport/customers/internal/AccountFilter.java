package org.rapport.customers.internal;

import java.util.UUID;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;

/**
 * What an account list is narrowed to; every part is optional.
 */
public record AccountFilter(String q, UUID owner, UUID team, LifecycleStage stage, Industry industry) {

	public static final AccountFilter NONE = new AccountFilter(null, null, null, null, null);

	public boolean isEmpty() {
		return (q == null || q.isBlank()) && owner == null && team == null && stage == null && industry == null;
	}
}
