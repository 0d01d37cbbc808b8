package org.rapport.activities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import biweekly.Biweekly;
import biweekly.component.VEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.activities.internal.Recurrence.Frequency;
import org.rapport.shared.InvalidField;

class RecurrenceTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void aWeeklyMeetingKeepsItsWallClockTimeAcrossTheSpringAndAutumnChanges() {
		// Monday 10:00 in Berlin: UTC+1 in winter, UTC+2 from 29 March 2026 until 25 October 2026
		ZonedDateTime first = ZonedDateTime.of(2026, 3, 23, 10, 0, 0, 0, BERLIN);
		List<ZonedDateTime> starts = Recurrence.every(Frequency.WEEKLY).between(first, null, null, 2);
		assertThat(starts).extracting(ZonedDateTime::toLocalDateTime)
			.containsExactly(LocalDateTime.of(2026, 3, 23, 10, 0), LocalDateTime.of(2026, 3, 30, 10, 0));
		assertThat(starts).extracting(ZonedDateTime::toInstant)
			.containsExactly(Instant.parse("2026-03-23T09:00:00Z"), Instant.parse("2026-03-30T08:00:00Z"));
		ZonedDateTime autumn = ZonedDateTime.of(2026, 10, 19, 10, 0, 0, 0, BERLIN);
		assertThat(Recurrence.every(Frequency.WEEKLY).between(autumn, null, null, 2)).extracting(ZonedDateTime::toInstant)
			.containsExactly(Instant.parse("2026-10-19T08:00:00Z"), Instant.parse("2026-10-26T09:00:00Z"));
	}

	@Test
	void aTimeTheSpringChangeSkipsComesAnHourLaterAndOneItRepeatsComesFirst() {
		// New York skips 02:00 to 03:00 on 8 March 2026 and repeats 01:00 to 02:00 on 1 November 2026
		ZonedDateTime skipped = ZonedDateTime.of(2026, 3, 7, 2, 30, 0, 0, NEW_YORK);
		assertThat(Recurrence.every(Frequency.DAILY).between(skipped, null, null, 3)).extracting(ZonedDateTime::toLocalDateTime)
			.containsExactly(LocalDateTime.of(2026, 3, 7, 2, 30), LocalDateTime.of(2026, 3, 8, 3, 30),
					LocalDateTime.of(2026, 3, 9, 2, 30));
		ZonedDateTime twice = ZonedDateTime.of(2026, 10, 31, 1, 30, 0, 0, NEW_YORK);
		List<ZonedDateTime> autumn = Recurrence.every(Frequency.DAILY).between(twice, null, null, 2);
		assertThat(autumn.get(1).toInstant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
	}

	@Test
	void aMonthlySeriesOnThe31stSkipsTheShorterMonthsAndTheLastDayFallsInEachMonth() {
		ZonedDateTime first = ZonedDateTime.of(2027, 1, 31, 9, 0, 0, 0, BERLIN);
		assertThat(Recurrence.every(Frequency.MONTHLY).between(first, null, null, 4)).extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 5, 31),
					LocalDate.of(2027, 7, 31));
		assertThat(Recurrence.every(Frequency.MONTHLY).onDay(-1).between(first, null, null, 4))
			.extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31),
					LocalDate.of(2027, 4, 30));
		ZonedDateTime leap = ZonedDateTime.of(2028, 1, 29, 9, 0, 0, 0, BERLIN);
		assertThat(Recurrence.every(Frequency.MONTHLY).onDay(-1).between(leap, null, null, 2))
			.extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29));
	}

	@Test
	void aWeeklySeriesOnChosenDaysStartsOnTheFirstOfThemAndEndsAfterItsCount() {
		// Tuesday 6 January 2026; Mondays and Wednesdays every other week, four times
		ZonedDateTime tuesday = ZonedDateTime.of(2026, 1, 6, 8, 0, 0, 0, BERLIN);
		Recurrence rule = Recurrence.every(Frequency.WEEKLY).everyNth(2).on(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY).times(4);
		assertThat(rule.between(tuesday, null, null, 10)).extracting(ZonedDateTime::toLocalDate)
			.containsExactly(LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 21),
					LocalDate.of(2026, 2, 2));
		assertThat(rule.first(tuesday).toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 7));
	}

	@Test
	void aSeriesUntilADateIncludesThatDayAndItsLastOccurrenceIsKnown() {
		ZonedDateTime first = ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, BERLIN);
		Recurrence rule = Recurrence.every(Frequency.DAILY).until(LocalDate.of(2026, 12, 4));
		assertThat(rule.between(first, null, null, 10)).hasSize(4);
		assertThat(rule.last(first).toLocalDate()).isEqualTo(LocalDate.of(2026, 12, 4));
		assertThat(Recurrence.every(Frequency.DAILY).last(first)).isNull();
	}

	@Test
	void aWindowFarIntoASeriesWithoutEndGivesTheSameOccurrencesAsCountingFromTheStart() {
		ZonedDateTime first = ZonedDateTime.of(2020, 1, 15, 9, 30, 0, 0, BERLIN);
		for (Recurrence rule : List.of(Recurrence.every(Frequency.DAILY).everyNth(3),
				Recurrence.every(Frequency.WEEKLY).everyNth(2).on(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY),
				Recurrence.every(Frequency.MONTHLY).onDay(-1))) {
			Instant from = Instant.parse("2026-06-01T00:00:00Z");
			Instant to = Instant.parse("2026-09-01T00:00:00Z");
			List<ZonedDateTime> all = rule.between(first, null, to, 5000);
			List<ZonedDateTime> inWindow = all.stream().filter(start -> !start.toInstant().isBefore(from)).toList();
			assertThat(rule.between(first, from, to, 5000)).as(rule.toString()).isEqualTo(inWindow).isNotEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "FREQ=DAILY;INTERVAL=3;COUNT=20", "FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20270315T225959Z",
			"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;COUNT=30", "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=12",
			"FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=14", "FREQ=MONTHLY;INTERVAL=3;COUNT=9" })
	void itsOccurrencesAreThoseTheICalendarLibraryExpandsFromTheSameRule(String rrule) throws Exception {
		// a start on the rule's first date; its wall-clock time falls across New York's daylight-saving changes
		ZonedDateTime start = ZonedDateTime.of(2026, 10, 27, 9, 15, 0, 0, NEW_YORK);
		Recurrence rule = Recurrence.parse(rrule, NEW_YORK);
		ZonedDateTime first = rule.first(start);
		List<Instant> ours = rule.between(first, null, null, 1000).stream().map(ZonedDateTime::toInstant).toList();

		String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//Tests//EN\r\nBEGIN:VEVENT\r\nUID:a@rapport\r\n"
				+ "DTSTAMP:20260101T000000Z\r\nDTSTART:" + java.time.format.DateTimeFormatter
					.ofPattern("yyyyMMdd'T'HHmmss'Z'")
					.withZone(java.time.ZoneOffset.UTC)
					.format(first)
				+ "\r\nRRULE:" + rule.rrule(NEW_YORK) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
		VEvent event = Biweekly.parse(ics).first().getEvents().get(0);
		List<Instant> theirs = new ArrayList<>();
		var iterator = event.getDateIterator(TimeZone.getTimeZone(NEW_YORK));
		while (iterator.hasNext() && theirs.size() < 1000) {
			theirs.add(iterator.next().toInstant());
		}
		assertThat(ours).isEqualTo(theirs).isNotEmpty();
	}

	@Test
	void anRruleReadsBackAsTheSameRepetition() {
		Recurrence rule = Recurrence.every(Frequency.WEEKLY).everyNth(2).on(DayOfWeek.FRIDAY, DayOfWeek.MONDAY)
			.until(LocalDate.of(2027, 1, 31));
		String rrule = rule.rrule(NEW_YORK);
		assertThat(rrule).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;UNTIL=20270201T045959Z");
		assertThat(Recurrence.parse(rrule, NEW_YORK)).isEqualTo(rule);
		assertThat(Recurrence.parse("RRULE:freq=monthly;bymonthday=-1;count=3", BERLIN))
			.isEqualTo(Recurrence.every(Frequency.MONTHLY).onDay(-1).times(3));
		assertThat(Recurrence.parse("FREQ=DAILY;UNTIL=20270131", BERLIN).until()).isEqualTo(LocalDate.of(2027, 1, 31));
		assertThat(Recurrence.parse(" ", BERLIN)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "FREQ=YEARLY", "FREQ=HOURLY", "FREQ=WEEKLY;BYDAY=1MO", "FREQ=DAILY;BYDAY=MO",
			"FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=DAILY;INTERVAL=0",
			"FREQ=DAILY;INTERVAL=100", "FREQ=DAILY;COUNT=1000", "FREQ=DAILY;COUNT=3;UNTIL=20270101",
			"FREQ=DAILY;UNTIL=2027-01-01", "FREQ=DAILY;BYSETPOS=1", "FREQ=DAILY;FREQ=WEEKLY", "COUNT=3",
			"FREQ=WEEKLY;WKST=SU", "FREQ=DAILY;;COUNT=2", "nonsense" })
	void anythingBeyondTheSubsetIsRefusedNamingTheField(String rrule) {
		assertThatThrownBy(() -> Recurrence.parse(rrule, BERLIN)).isInstanceOfSatisfying(InvalidField.class,
				invalid -> assertThat(invalid.field()).isEqualTo("recurrence"));
	}
}
