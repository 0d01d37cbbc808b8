package org.rapport.support.web;

import java.time.Duration;
import java.time.Instant;
import org.rapport.support.internal.SlaClock;

/**
 * One SLA target of a case as its page shows it: when it falls due, the business time left (negative when overdue)
 * in hours and minutes, and its state.
 */
record SlaLine(String target, Instant due, boolean running, boolean stopped, boolean overdue, long hours, long minutes, String state) {

	static SlaLine of(String target, SlaClock clock, Instant now) {
		Duration left = clock.left(now);
		long totalMinutes = Math.abs(left.toMinutes());
		return new SlaLine(target, clock.due().orElse(null), clock.running(), clock.stopped(),
				left.isNegative(), totalMinutes / 60,
				totalMinutes % 60, clock.state(now).name());
	}
}
