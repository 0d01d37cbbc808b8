package org.rapport.sales.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Lets each client address send a few web-form leads per minute, so that a script cannot flood the lead list.
 * It counts in memory, per node: behind a load balancer a client gets at most the limit once per node, which still
 * stops a flood.
 */
@Component
public class WebFormThrottle {

	static final Duration WINDOW = Duration.ofMinutes(1);

	/** Past this many addresses, the ones whose minute has passed are forgotten. */
	private static final int TIDY_ABOVE = 10_000;

	private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
	private final LeadProperties properties;
	private final Clock clock;

	@Autowired
	WebFormThrottle(LeadProperties properties) {
		// a rate per minute of this node measures real elapsed time, never the business clock, which may be set apart
		this(properties, Clock.systemUTC());
	}

	WebFormThrottle(LeadProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts a submission from the address; empty when it may go on, else how long the client must wait.
	 */
	public Optional<Duration> admit(String address) {
		long now = clock.millis();
		long windowStart = now - WINDOW.toMillis();
		if (recent.size() > TIDY_ABOVE) {
			recent.values().removeIf(times -> {
				synchronized (times) {
					return times.isEmpty() || times.peekLast() <= windowStart;
				}
			});
		}
		Deque<Long> times = recent.computeIfAbsent(address, key -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst() <= windowStart) {
				times.pollFirst();
			}
			if (times.size() >= Math.max(properties.getWebFormPerMinute(), 1)) {
				long waitMillis = times.peekFirst() + WINDOW.toMillis() - now;
				return Optional.of(Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000)));
			}
			times.addLast(now);
			return Optional.empty();
		}
	}
}
