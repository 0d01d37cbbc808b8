package org.rapport.customers;

import java.time.Instant;

/**
 * Where an account stands in its lifecycle, and since when; {@code since} is empty for an account whose stage was
 * never moved after it was opened.
 */
public record LifecycleStatus(AccountId account, LifecycleStage stage, Instant since) {
}
