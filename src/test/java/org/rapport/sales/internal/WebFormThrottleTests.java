package org.rapport.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rapport.TestClock;

class WebFormThrottleTests {

	final TestClock clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));

	WebFormThrottle throttle(int perMinute) {
		LeadProperties properties = new LeadProperties();
		properties.setWebFormPerMinute(perMinute);
		return new WebFormThrottle(properties, clock);
	}

	@Test
	void anAddressMaySendTheLimitPerMinuteThenWaitsUntilItsOldestPostIsAMinuteOld() {
		WebFormThrottle throttle = throttle(3);
		assertThat(throttle.admit("a")).isEmpty();
		clock.advance(Duration.ofSeconds(20));
		assertThat(throttle.admit("a")).isEmpty();
		assertThat(throttle.admit("a")).isEmpty();

		assertThat(throttle.admit("a")).contains(Duration.ofSeconds(40));
		assertThat(throttle.admit("b")).as("another address").isEmpty();

		clock.advance(Duration.ofSeconds(40));
		assertThat(throttle.admit("a")).isEmpty();
		assertThat(throttle.admit("a")).isPresent();
	}
}
