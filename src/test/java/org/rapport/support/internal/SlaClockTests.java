package org.rapport.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RuleBroken;
import org.rapport.support.internal.SlaClock.State;

/**
 * An SLA target's clock in business hours: due and warning times, the states it passes through, pauses while the case
 * waits on the customer, stopping within or past the target, and over random pauses the time used is the business
 * time of the running stretches.
 */
class SlaClockTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final BusinessHours NINE_TO_FIVE = BusinessHours.weekdays(SHANGHAI, LocalTime.of(9, 0),
			LocalTime.of(17, 0));

	@Test
	void aTargetOpenedFridayAfternoonIsAtRiskFromItsThresholdAndBreachedFromItsDueTime() {
		SlaClock clock = SlaClock.start(NINE_TO_FIVE, Duration.ofHours(4), 80, at("2026-12-11T16:00"));

		assertThat(clock.due()).contains(at("2026-12-14T12:00"));
		// 80 % of four hours is 3 h 12 min: one hour on Friday, 2 h 12 min on Monday
		assertThat(clock.warningAt()).contains(at("2026-12-14T11:12"));
		assertThat(clock.state(at("2026-12-13T20:00"))).isEqualTo(State.ON_TRACK);
		assertThat(clock.left(at("2026-12-13T20:00"))).isEqualTo(Duration.ofHours(3));
		assertThat(clock.state(at("2026-12-14T11:12"))).isEqualTo(State.AT_RISK);
		assertThat(clock.state(at("2026-12-14T12:00"))).isEqualTo(State.BREACHED);
		assertThat(clock.left(at("2026-12-14T13:00"))).isEqualTo(Duration.ofHours(-1));
	}

	@Test
	void waitingOnTheCustomerPausesTheClockAndTheirReplyResumesIt() {
		SlaClock clock = SlaClock.start(NINE_TO_FIVE, Duration.ofHours(4), 80, at("2026-12-11T16:00"))
			.pause(at("2026-12-14T10:00"));

		assertThat(clock.running()).isFalse();
		assertThat(clock.due()).isEmpty();
		assertThat(clock.used(at("2026-12-16T10:00"))).isEqualTo(Duration.ofHours(2));
		assertThat(clock.state(at("2026-12-16T10:00"))).isEqualTo(State.ON_TRACK);

		SlaClock resumed = clock.resume(at("2026-12-15T10:00"));
		assertThat(resumed.due()).contains(at("2026-12-15T12:00"));
		assertThat(resumed.pause(at("2026-12-15T10:00")).resume(at("2026-12-15T10:00")).due())
			.contains(at("2026-12-15T12:00"));
	}

	@Test
	void aStoppedClockIsMetWithinTheTargetAndBreachedPastItForGood() {
		SlaClock clock = SlaClock.start(NINE_TO_FIVE, Duration.ofHours(4), 80, at("2026-12-11T16:00"));

		SlaClock inTime = clock.stop(at("2026-12-14T12:00"));
		assertThat(inTime.state(at("2027-01-01T00:00"))).isEqualTo(State.MET);
		assertThat(inTime.due()).isEmpty();
		assertThat(inTime.resume(at("2026-12-15T09:00")).stopped()).isTrue();

		SlaClock late = clock.stop(at("2026-12-14T12:01"));
		assertThat(late.state(at("2026-12-14T12:01"))).isEqualTo(State.BREACHED);
		assertThat(late.used(at("2027-01-01T00:00"))).isEqualTo(Duration.ofMinutes(4 * 60 + 1));
	}

	@Test
	void aTargetOrThresholdOutOfRangeAndAChangeBeforeTheLastAreRefused() {
		assertThatThrownBy(() -> SlaClock.start(NINE_TO_FIVE, Duration.ZERO, 80, at("2026-12-11T16:00")))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("target"));
		assertThatThrownBy(() -> SlaClock.start(NINE_TO_FIVE, Duration.ofHours(1), 0, at("2026-12-11T16:00")))
			.isInstanceOfSatisfying(InvalidField.class,
					refused -> assertThat(refused.field()).isEqualTo("warningPercent"));
		assertThatThrownBy(() -> SlaClock.start(NINE_TO_FIVE, Duration.ofHours(1), 101, at("2026-12-11T16:00")))
			.isInstanceOf(InvalidField.class);
		SlaClock clock = SlaClock.start(NINE_TO_FIVE, Duration.ofHours(1), 80, at("2026-12-11T16:00"));
		assertThatThrownBy(() -> clock.pause(at("2026-12-11T15:59"))).isInstanceOf(RuleBroken.class);
	}

	@Test
	void overRandomPausesTheTimeUsedIsTheBusinessTimeOfTheRunningStretches() {
		SplittableRandom random = new SplittableRandom(15);
		for (int run = 0; run < 500; run++) {
			Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * random.nextInt(365 * 1440));
			SlaClock clock = SlaClock.start(NINE_TO_FIVE, Duration.ofMinutes(1 + random.nextInt(5000)), 80, start);
			Duration expected = Duration.ZERO;
			Instant at = start;
			Instant runningFrom = start;
			int changes = 1 + random.nextInt(8);
			for (int change = 0; change < changes; change++) {
				at = at.plusSeconds(60L * random.nextInt(3 * 1440));
				if (clock.running()) {
					expected = expected.plus(NINE_TO_FIVE.between(runningFrom, at));
					clock = clock.pause(at);
				}
				else {
					runningFrom = at;
					clock = clock.resume(at);
				}
			}
			Instant now = at.plusSeconds(60L * random.nextInt(3 * 1440));
			if (clock.running()) {
				expected = expected.plus(NINE_TO_FIVE.between(runningFrom, now));
				if (!clock.left(now).isNegative()) {
					// a running clock falls due once the time left has passed in business hours
					assertThat(NINE_TO_FIVE.between(now, clock.due().orElseThrow())).isEqualTo(clock.left(now));
				}
			}
			assertThat(clock.used(now)).isEqualTo(expected);
			assertThat(clock.left(now)).isEqualTo(clock.target().minus(expected));
		}
	}

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}
}
