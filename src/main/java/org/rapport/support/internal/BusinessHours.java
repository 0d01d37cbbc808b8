package org.rapport.support.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.rapport.shared.InvalidField;

/**
 * When a service team works: periods of working hours per weekday, holidays on which it does not, in a time zone.
 * It measures SLA targets in business time: the instant a number of working minutes after a start falls due, the
 * working time between two instants, and the instant a number of working minutes before an end.
 * <p>
 * A period runs from its start to its end on the same day, in the calendar's wall-clock time; an end at midnight
 * ({@code 00:00}) is the end of the day, so {@code 00:00–00:00} is the whole day. Business time is real elapsed time:
 * on the day the clocks go forward, a 01:00–05:00 period lasts three hours; a wall-clock time that the change skips
 * moves forward by the gap, as {@code java.time} does, and where that makes two periods meet, the later one starts
 * where the earlier ends. A target that ends exactly at a period's end falls due then, not at the next
 * period's start; a start outside working hours counts from the next period's start.
 */
public final class BusinessHours {

	/** The longest stretch of days searched for working time: a calendar of one working day a year still answers. */
	static final int SEARCH_DAYS = 3 * 366;

	/** A period of working hours within one day; an end of {@code 00:00} is the end of the day. */
	public record Period(LocalTime start, LocalTime end) {

		public Period {
			if (start == null || end == null || !(end.equals(LocalTime.MIDNIGHT) || start.isBefore(end))) {
				throw new InvalidField("hours", "support.hours.periodOrder",
						"A period of working hours ends after it starts, on the same day (00:00 as its end is midnight)");
			}
		}

		boolean endsAtMidnight() {
			return end.equals(LocalTime.MIDNIGHT);
		}

		boolean overlaps(Period other) {
			return start.isBefore(other.endOfDay()) && other.start.isBefore(endOfDay());
		}

		private LocalTime endOfDay() {
			return endsAtMidnight() ? LocalTime.MAX : end;
		}
	}

	/** A working period of one date, as instants. */
	record Interval(Instant start, Instant end) {
	}

	private final ZoneId zone;
	private final Map<DayOfWeek, List<Period>> week;
	private final Set<LocalDate> holidays;

	private BusinessHours(ZoneId zone, Map<DayOfWeek, List<Period>> week, Set<LocalDate> holidays) {
		this.zone = zone;
		this.week = week;
		this.holidays = holidays;
	}

	/**
	 * Business hours with these periods per weekday (a day not named has none) and these holidays, in this zone;
	 * refused where periods of a day overlap or the week has no working time at all.
	 */
	public static BusinessHours of(ZoneId zone, Map<DayOfWeek, List<Period>> periods, Set<LocalDate> holidays) {
		if (zone == null) {
			throw new InvalidField("zone", "support.hours.zone", "Choose the time zone of the business hours");
		}
		Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
		boolean any = false;
		for (DayOfWeek day : DayOfWeek.values()) {
			List<Period> ofDay = new ArrayList<>(periods.getOrDefault(day, List.of()));
			ofDay.sort(Comparator.comparing(Period::start));
			for (int i = 1; i < ofDay.size(); i++) {
				if (ofDay.get(i - 1).overlaps(ofDay.get(i))) {
					throw new InvalidField("hours", "support.hours.overlap",
							"The working periods of {0} overlap: {1}–{2} and {3}–{4}", day, ofDay.get(i - 1).start(),
							ofDay.get(i - 1).end(), ofDay.get(i).start(), ofDay.get(i).end());
				}
			}
			any |= !ofDay.isEmpty();
			week.put(day, List.copyOf(ofDay));
		}
		if (!any) {
			throw new InvalidField("hours", "support.hours.none", "Give the business hours at least one working period");
		}
		return new BusinessHours(zone, week, new TreeSet<>(holidays == null ? Set.of() : holidays));
	}

	/** Business hours of every weekday from Monday to Friday, between these times, without holidays. */
	public static BusinessHours weekdays(ZoneId zone, LocalTime start, LocalTime end) {
		Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
				week.put(day, List.of(new Period(start, end)));
			}
		}
		return of(zone, week, Set.of());
	}

	public ZoneId zone() {
		return zone;
	}

	public Map<DayOfWeek, List<Period>> week() {
		return week;
	}

	public Set<LocalDate> holidays() {
		return holidays;
	}

	/**
	 * The instant at which {@code work} of business time after {@code start} has passed: where it ends exactly at the
	 * end of a period, that end. No work at all gives the first working instant from {@code start} on.
	 */
	public Instant plus(Instant start, Duration work) {
		checkWork(work);
		Duration left = work;
		LocalDate day = start.atZone(zone).toLocalDate();
		for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
			for (Interval interval : intervals(day)) {
				if (!interval.end().isAfter(start)) {
					continue;
				}
				Instant from = interval.start().isAfter(start) ? interval.start() : start;
				Duration available = Duration.between(from, interval.end());
				if (left.compareTo(available) <= 0) {
					return from.plus(left);
				}
				left = left.minus(available);
			}
		}
		throw noWorkingTime();
	}

	/**
	 * The instant {@code work} of business time before {@code end}: where it begins exactly at the start of a period,
	 * that start. For work that {@link #plus} counted from a working instant, it gives that instant back.
	 */
	public Instant minus(Instant end, Duration work) {
		checkWork(work);
		Duration left = work;
		LocalDate day = end.atZone(zone).toLocalDate();
		for (int i = 0; i < SEARCH_DAYS; i++, day = day.minusDays(1)) {
			List<Interval> ofDay = intervals(day);
			for (int j = ofDay.size() - 1; j >= 0; j--) {
				Interval interval = ofDay.get(j);
				if (!interval.start().isBefore(end)) {
					continue;
				}
				Instant to = interval.end().isBefore(end) ? interval.end() : end;
				Duration available = Duration.between(interval.start(), to);
				if (left.compareTo(available) <= 0) {
					return to.minus(left);
				}
				left = left.minus(available);
			}
		}
		throw noWorkingTime();
	}

	/** The business time from {@code from} to {@code to}; none where {@code to} is not after {@code from}. */
	public Duration between(Instant from, Instant to) {
		Duration total = Duration.ZERO;
		if (!to.isAfter(from)) {
			return total;
		}
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			for (Interval interval : intervals(day)) {
				Instant start = interval.start().isAfter(from) ? interval.start() : from;
				Instant end = interval.end().isBefore(to) ? interval.end() : to;
				if (end.isAfter(start)) {
					total = total.plus(Duration.between(start, end));
				}
			}
		}
		return total;
	}

	/** Whether the team works at this instant: inside a period, its start included and its end not. */
	public boolean isWorking(Instant at) {
		for (Interval interval : intervals(at.atZone(zone).toLocalDate())) {
			if (!at.isBefore(interval.start()) && at.isBefore(interval.end())) {
				return true;
			}
		}
		return false;
	}

	/** The working periods of a date as instants, in order; none on a holiday. */
	List<Interval> intervals(LocalDate day) {
		if (holidays.contains(day)) {
			return List.of();
		}
		List<Period> periods = week.get(day.getDayOfWeek());
		List<Interval> intervals = new ArrayList<>(periods.size());
		Instant previousEnd = Instant.MIN;
		for (Period period : periods) {
			Instant start = ZonedDateTime.of(day, period.start(), zone).toInstant();
			Instant end = period.endsAtMidnight() ? day.plusDays(1).atStartOfDay(zone).toInstant()
					: ZonedDateTime.of(day, period.end(), zone).toInstant();
			// a period moved forward by a clock change never counts the same time twice
			if (start.isBefore(previousEnd)) {
				start = previousEnd;
			}
			if (end.isAfter(start)) {
				intervals.add(new Interval(start, end));
				previousEnd = end;
			}
		}
		return intervals;
	}

	private static void checkWork(Duration work) {
		if (work == null || work.isNegative()) {
			throw new InvalidField("target", "support.hours.negative", "A target in business time cannot be negative");
		}
	}

	private InvalidField noWorkingTime() {
		return new InvalidField("hours", "support.hours.noneWithin",
				"The business hours have no working time within {0} days", SEARCH_DAYS);
	}
}
