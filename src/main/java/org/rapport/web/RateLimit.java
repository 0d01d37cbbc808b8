package org.rapport.web;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests one client address may send to one kind of request within a window, such as ten posts of the
 * public lead form per minute. The name keeps the counts of different limits apart.
 */
public record RateLimit(String name, int permits, Duration window) {

	public RateLimit {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(window, "window");
		if (name.isBlank() || permits < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("A rate limit needs a name, at least one permit and a window");
		}
	}

	/** The limit of so many requests per minute; fewer than one counts as one. */
	public static RateLimit perMinute(String name, int permits) {
		return new RateLimit(name, Math.max(permits, 1), Duration.ofMinutes(1));
	}
}
