package org.rapport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.test.context.TestContext;

class TestClockTests {

	static final Instant SET = Instant.parse("2031-01-31T23:30:00Z");

	@Test
	void itFollowsTheSystemClockUntilItIsSetThenStandsButForTheMovesMade() {
		TestClock clock = new TestClock();
		Instant before = Instant.now();
		assertThat(clock.instant()).isBetween(before, Instant.now());

		clock.setTo(SET);
		assertThat(clock.instant()).isEqualTo(SET);
		assertThat(clock.today()).isEqualTo(LocalDate.of(2031, 1, 31));
		clock.advance(Duration.ofHours(1));
		assertThat(clock.instant()).isEqualTo(SET.plus(Duration.ofHours(1)));
		assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2031, 2, 1));

		clock.reset();
		before = Instant.now();
		assertThat(clock.instant()).isBetween(before, Instant.now());
	}

	@Test
	void readInAnotherZoneItTellsThatZonesDayOfTheSameInstant() {
		TestClock clock = new TestClock(SET);
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");

		assertThat(clock.withZone(shanghai).instant()).isEqualTo(SET);
		assertThat(LocalDate.now(clock.withZone(shanghai))).isEqualTo(LocalDate.of(2031, 2, 1));
		clock.advance(Duration.ofDays(1));
		assertThat(clock.withZone(shanghai).instant()).isEqualTo(SET.plus(Duration.ofDays(1)));
	}

	@Test
	void afterEachTestTheClockOfTheContextFollowsTheSystemClockAgain() throws Exception {
		StaticApplicationContext context = new StaticApplicationContext();
		TestClock clock = new TestClock(SET);
		context.getBeanFactory().registerSingleton("testClock", clock);
		context.refresh();
		TestContext test = mock(TestContext.class);
		when(test.hasApplicationContext()).thenReturn(true);
		when(test.getApplicationContext()).thenReturn(context);

		new TestClock.Reset().afterTestMethod(test);

		Instant before = Instant.now();
		assertThat(clock.instant()).isBetween(before, Instant.now());
	}
}
