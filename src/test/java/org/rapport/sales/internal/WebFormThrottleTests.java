package org.rapport.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WebFormThrottleTests {

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T10:00:00Z"));

	final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	};

	WebFormThrottle throttle(int perMinute) {
		LeadProperties properties = new LeadProperties();
		properties.setWebFormPerMinute(perMinute);
		return new WebFormThrottle(properties, clock);
	}

	@Test
	void anAddressMaySendTheLimitPerMinuteThenWaitsUntilItsOldestPostIsAMinuteOld() {
		WebFormThrottle throttle = throttle(3);
		assertThat(throttle.admit("a")).isEmpty();
		now.set(now.get().plusSeconds(20));
		assertThat(throttle.admit("a")).isEmpty();
		assertThat(throttle.admit("a")).isEmpty();

		assertThat(throttle.admit("a")).contains(Duration.ofSeconds(40));
		assertThat(throttle.admit("b")).as("another address").isEmpty();

		now.set(now.get().plusSeconds(40));
		assertThat(throttle.admit("a")).isEmpty();
		assertThat(throttle.admit("a")).isPresent();
	}
}
