package org.rapport.activities.internal;

import java.time.Instant;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.shared.RecordRef;

/**
 * What an activity list is narrowed to; every part is optional. {@code from} and {@code to} bound when the
 * activity occurs (a task's due time, a meeting's or call's start), from inclusive, to exclusive.
 */
public record ActivityFilter(ActivityKind kind, RecordRef about, UUID owner, ActivityStatus status, Instant from,
		Instant to) {

	public static final ActivityFilter NONE = new ActivityFilter(null, null, null, null, null, null);
}
