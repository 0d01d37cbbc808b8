package org.rapport.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;
import org.rapport.support.internal.BusinessHours.Period;

/**
 * Business-hours arithmetic: the published example, starts outside working hours, targets that end at a period's end,
 * clock changes, refused calendars, and properties that hold over random calendars in zones with and without
 * daylight saving.
 */
class BusinessHoursTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final List<ZoneId> ZONES = List.of(BERLIN, ZoneId.of("America/New_York"),
			ZoneId.of("Australia/Sydney"), ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"), ZoneId.of("America/Santiago"),
			ZoneId.of("Asia/Kolkata"));

	@Test
	void aTargetStartingFridayAfternoonInANineToFiveCalendarWithAMondayHolidayFallsDueOnTuesday() {
		LocalDate monday = LocalDate.of(2026, 12, 14);
		BusinessHours hours = BusinessHours.of(BERLIN, BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0),
				LocalTime.of(17, 0)).week(), Set.of(monday));
		Instant friday = at(hours, "2026-12-11T16:30");

		assertThat(hours.plus(friday, Duration.ofHours(8))).isEqualTo(at(hours, "2026-12-15T16:30"));
		assertThat(hours.plus(friday, Duration.ofMinutes(45))).isEqualTo(at(hours, "2026-12-15T09:15"));
		assertThat(hours.between(friday, at(hours, "2026-12-15T16:30"))).isEqualTo(Duration.ofHours(8));
		assertThat(hours.minus(at(hours, "2026-12-15T16:30"), Duration.ofHours(8))).isEqualTo(friday);
	}

	@Test
	void aCaseOpenedOutsideHoursCountsFromTheNextPeriodAndATargetEndingAtClosingFallsDueThen() {
		BusinessHours hours = BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0));

		assertThat(hours.plus(at(hours, "2026-12-12T10:00"), Duration.ofHours(1)))
			.isEqualTo(at(hours, "2026-12-14T10:00"));
		assertThat(hours.plus(at(hours, "2026-12-14T07:00"), Duration.ZERO)).isEqualTo(at(hours, "2026-12-14T09:00"));
		assertThat(hours.plus(at(hours, "2026-12-14T16:00"), Duration.ofHours(1)))
			.isEqualTo(at(hours, "2026-12-14T17:00"));
		assertThat(hours.plus(at(hours, "2026-12-14T17:00"), Duration.ofMinutes(1)))
			.isEqualTo(at(hours, "2026-12-15T09:01"));
		assertThat(hours.isWorking(at(hours, "2026-12-14T09:00"))).isTrue();
		assertThat(hours.isWorking(at(hours, "2026-12-14T17:00"))).isFalse();
		assertThat(hours.between(at(hours, "2026-12-11T12:00"), at(hours, "2026-12-14T12:00")))
			.isEqualTo(Duration.ofHours(8));
		assertThat(hours.between(at(hours, "2026-12-14T12:00"), at(hours, "2026-12-14T11:00"))).isZero();
	}

	@Test
	void businessTimeIsRealTimeAcrossTheClockChanges() {
		Map<DayOfWeek, List<Period>> always = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			always.put(day, List.of(new Period(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
		}
		BusinessHours roundTheClock = BusinessHours.of(BERLIN, always, Set.of());
		// the clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026
		assertThat(roundTheClock.plus(at(roundTheClock, "2026-03-28T23:00"), Duration.ofHours(3)))
			.isEqualTo(at(roundTheClock, "2026-03-29T03:00"));
		assertThat(roundTheClock.between(at(roundTheClock, "2026-03-29T00:00"), at(roundTheClock, "2026-03-30T00:00")))
			.isEqualTo(Duration.ofHours(23));
		assertThat(roundTheClock.between(at(roundTheClock, "2026-10-25T00:00"), at(roundTheClock, "2026-10-26T00:00")))
			.isEqualTo(Duration.ofHours(25));

		Map<DayOfWeek, List<Period>> earlySunday = new EnumMap<>(DayOfWeek.class);
		earlySunday.put(DayOfWeek.SUNDAY, List.of(new Period(LocalTime.of(1, 0), LocalTime.of(5, 0))));
		BusinessHours night = BusinessHours.of(BERLIN, earlySunday, Set.of());
		Instant sundayStart = at(night, "2026-03-29T01:00");
		assertThat(night.between(sundayStart, at(night, "2026-03-29T05:00"))).isEqualTo(Duration.ofHours(3));
		assertThat(night.plus(sundayStart, Duration.ofHours(3))).isEqualTo(at(night, "2026-03-29T05:00"));
		assertThat(night.plus(sundayStart, Duration.ofHours(4))).isEqualTo(at(night, "2026-04-05T02:00"));
	}

	@Test
	void aCalendarWithoutWorkingTimeOrWithOverlappingPeriodsIsRefusedAtItsField() {
		assertThatThrownBy(() -> BusinessHours.of(BERLIN, Map.of(), Set.of())).isInstanceOfSatisfying(InvalidField.class,
				refused -> assertThat(refused.field()).isEqualTo("hours"));
		assertThatThrownBy(() -> BusinessHours.of(BERLIN, Map.of(DayOfWeek.MONDAY,
				List.of(new Period(LocalTime.of(9, 0), LocalTime.of(13, 0)),
						new Period(LocalTime.of(12, 0), LocalTime.of(17, 0)))),
				Set.of()))
			.isInstanceOfSatisfying(InvalidField.class, refused -> {
				assertThat(refused.field()).isEqualTo("hours");
				assertThat(refused.messageKey()).isEqualTo("support.hours.overlap");
			});
		assertThatThrownBy(() -> new Period(LocalTime.of(17, 0), LocalTime.of(9, 0)))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("hours"));
		assertThatThrownBy(() -> BusinessHours.of(null, Map.of(), Set.of()))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("zone"));
		BusinessHours hours = BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0));
		assertThatThrownBy(() -> hours.plus(Instant.parse("2026-12-14T10:00:00Z"), Duration.ofMinutes(-1)))
			.isInstanceOfSatisfying(InvalidField.class, refused -> assertThat(refused.field()).isEqualTo("target"));
	}

	@Test
	void overRandomCalendarsADueTimeIsNeverInAClosedPeriodAndAddingThenSubtractingGivesTheStartBack() {
		SplittableRandom random = new SplittableRandom(20261207);
		int checked = 0;
		for (int calendar = 0; calendar < 400; calendar++) {
			BusinessHours hours = randomCalendar(random);
			long weekly = weeklyMinutes(hours);
			for (int start = 0; start < 15; start++) {
				Instant from = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * random.nextInt(2 * 366 * 1440));
				Duration work = Duration.ofMinutes(random.nextLong(Math.max(1, weekly * 6)));
				Instant due = hours.plus(from, work);
				String why = "calendar %s %s holidays %s from %s work %s due %s".formatted(hours.zone(), hours.week(),
						hours.holidays(), from, work, due);
				Instant begins = hours.plus(from, Duration.ZERO);

				assertThat(due).as(why).isAfterOrEqualTo(from);
				assertThat(hours.between(from, due)).as(why).isEqualTo(work);
				assertThat(hours.isWorking(begins)).as(why).isTrue();
				if (!work.isZero()) {
					// the minute before the due time is worked: the due time ends working time, never lies in a closed one
					assertThat(hours.isWorking(due.minusSeconds(60))).as(why).isTrue();
					assertThat(hours.minus(due, work)).as(why).isEqualTo(begins);
					Duration less = Duration.ofMinutes(random.nextLong(work.toMinutes() + 1));
					assertThat(hours.plus(from, less)).as(why).isBeforeOrEqualTo(due);
				}
				checked++;
			}
		}
		assertThat(checked).isEqualTo(6000);
	}

	private static BusinessHours randomCalendar(SplittableRandom random) {
		ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
		Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
		while (week.isEmpty()) {
			for (DayOfWeek day : DayOfWeek.values()) {
				List<Period> periods = new ArrayList<>();
				int quarter = random.nextInt(4 * 24);
				for (int n = random.nextInt(4); n > 0 && quarter < 4 * 24; n--) {
					int end = quarter + 1 + random.nextInt(4 * 24 - quarter);
					periods.add(new Period(LocalTime.of(quarter / 4, quarter % 4 * 15),
							end == 4 * 24 ? LocalTime.MIDNIGHT : LocalTime.of(end / 4, end % 4 * 15)));
					quarter = end + random.nextInt(8);
				}
				if (!periods.isEmpty()) {
					week.put(day, periods);
				}
			}
		}
		Set<LocalDate> holidays = new HashSet<>();
		for (int n = random.nextInt(30); n > 0; n--) {
			holidays.add(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(3 * 365)));
		}
		return BusinessHours.of(zone, week, holidays);
	}

	private static long weeklyMinutes(BusinessHours hours) {
		long minutes = 0;
		for (List<Period> periods : hours.week().values()) {
			for (Period period : periods) {
				int end = period.end().equals(LocalTime.MIDNIGHT) ? 24 * 60
						: period.end().getHour() * 60 + period.end().getMinute();
				minutes += end - (period.start().getHour() * 60 + period.start().getMinute());
			}
		}
		return minutes;
	}

	private static Instant at(BusinessHours hours, String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(hours.zone()).toInstant();
	}
}
