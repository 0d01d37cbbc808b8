package org.rapport.activities.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.rapport.shared.InvalidField;

/**
 * How a task or meeting repeats: every {@code interval} days, weeks (on chosen weekdays) or months (on a day of the
 * month, {@code -1} for its last), until a date or for a number of occurrences, or without end. It is kept as the
 * RFC 5545 RRULE it writes, of which it reads this subset.
 * <p>
 * Occurrences keep the first one's wall-clock time in the series' time zone across daylight-saving changes; a time
 * that a change skips is read as the same moment one hour later, and one that comes twice as the first, as RFC 5545
 * says. A month without the chosen day (the 31st in April) has no occurrence, as RFC 5545 says; {@code -1} chooses
 * the last day of every month. Weeks start on Monday. The first occurrence is the first date on or after the start
 * that the rule gives; {@code until} is a date in the series' time zone, its occurrences included.
 */
public record Recurrence(Frequency frequency, int interval, Set<DayOfWeek> days, Integer monthDay, LocalDate until,
		Integer count) {

	/** The field that forms and the API name for the repetition. */
	public static final String FIELD = "recurrence";

	/** The most occurrences a counted series holds. */
	public static final int MAX_COUNT = 999;

	/** The longest interval. */
	public static final int MAX_INTERVAL = 99;

	/** How far ahead a series may end: ten years after it starts. */
	public static final int MAX_YEARS = 10;

	private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final List<String> DAY_CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

	/** How often the series repeats. */
	public enum Frequency {
		DAILY, WEEKLY, MONTHLY
	}

	public Recurrence {
		if (frequency == null) {
			throw new InvalidField(FIELD, "validation.recurrence.frequency", "Choose daily, weekly or monthly");
		}
		if (interval < 1 || interval > MAX_INTERVAL) {
			throw new InvalidField(FIELD, "validation.recurrence.interval", "Repeat every 1 to 99 days, weeks or months",
					MAX_INTERVAL);
		}
		days = days == null || days.isEmpty() || frequency != Frequency.WEEKLY ? Set.of()
				: java.util.Collections.unmodifiableSet(EnumSet.copyOf(days));
		if (frequency != Frequency.MONTHLY) {
			monthDay = null;
		}
		else if (monthDay != null && (monthDay == 0 || monthDay < -1 || monthDay > 31)) {
			throw new InvalidField(FIELD, "validation.recurrence.monthDay", "A day of the month is 1 to 31, or the last");
		}
		if (count != null && (count < 1 || count > MAX_COUNT)) {
			throw new InvalidField(FIELD, "validation.recurrence.count", "A series has 1 to 999 occurrences", MAX_COUNT);
		}
		if (count != null && until != null) {
			throw new InvalidField(FIELD, "validation.recurrence.end", "A series ends on a date or after a count, not both");
		}
	}

	/** A daily, weekly or monthly repetition without end, every period. */
	public static Recurrence every(Frequency frequency) {
		return new Recurrence(frequency, 1, Set.of(), null, null, null);
	}

	/** The same repetition on these weekdays. */
	public Recurrence on(DayOfWeek... weekdays) {
		return new Recurrence(frequency, interval, Set.of(weekdays), monthDay, until, count);
	}

	/** The same repetition every {@code n} periods. */
	public Recurrence everyNth(int n) {
		return new Recurrence(frequency, n, days, monthDay, until, count);
	}

	/** The same repetition on this day of the month, {@code -1} for the last. */
	public Recurrence onDay(int day) {
		return new Recurrence(frequency, interval, days, day, until, count);
	}

	/** The same repetition up to and including this date. */
	public Recurrence until(LocalDate last) {
		return new Recurrence(frequency, interval, days, monthDay, last, null);
	}

	/** The same repetition for this many occurrences. */
	public Recurrence times(int n) {
		return new Recurrence(frequency, interval, days, monthDay, null, n);
	}

	/**
	 * The repetition an RRULE describes, such as {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10}; {@code null} for
	 * a blank one. UNTIL is a date ({@code 20270131}) or a UTC time ({@code 20270131T225959Z}), which the zone turns
	 * into its date. Anything beyond this subset is refused, naming the field.
	 */
	public static Recurrence parse(String rrule, ZoneId zone) {
		if (rrule == null || rrule.isBlank()) {
			return null;
		}
		String text = rrule.strip().toUpperCase(Locale.ROOT);
		if (text.startsWith("RRULE:")) {
			text = text.substring("RRULE:".length());
		}
		Map<String, String> parts = new LinkedHashMap<>();
		for (String part : text.split(";")) {
			int equals = part.indexOf('=');
			if (equals < 1 || parts.put(part.substring(0, equals), part.substring(equals + 1)) != null) {
				throw unreadable(rrule);
			}
		}
		try {
			Frequency frequency = Frequency.valueOf(parts.getOrDefault("FREQ", ""));
			int interval = parts.containsKey("INTERVAL") ? Integer.parseInt(parts.get("INTERVAL")) : 1;
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			if (parts.containsKey("BYDAY")) {
				for (String code : parts.get("BYDAY").split(",")) {
					int index = DAY_CODES.indexOf(code);
					if (index < 0 || frequency != Frequency.WEEKLY) {
						throw unreadable(rrule);
					}
					days.add(DayOfWeek.of(index + 1));
				}
			}
			Integer monthDay = null;
			if (parts.containsKey("BYMONTHDAY")) {
				if (frequency != Frequency.MONTHLY) {
					throw unreadable(rrule);
				}
				monthDay = Integer.parseInt(parts.get("BYMONTHDAY"));
			}
			Integer count = parts.containsKey("COUNT") ? Integer.valueOf(parts.get("COUNT")) : null;
			LocalDate until = parts.containsKey("UNTIL") ? untilDate(parts.get("UNTIL"), zone) : null;
			if (!Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "COUNT", "UNTIL", "WKST").containsAll(parts.keySet())
					|| parts.containsKey("WKST") && !parts.get("WKST").equals("MO")) {
				throw unreadable(rrule);
			}
			return new Recurrence(frequency, interval, days, monthDay, until, count);
		}
		catch (IllegalArgumentException | DateTimeParseException malformed) {
			throw unreadable(rrule);
		}
	}

	private static LocalDate untilDate(String value, ZoneId zone) {
		if (value.length() == 8) {
			return LocalDate.parse(value, BASIC_DATE);
		}
		return UTC_STAMP.parse(value, Instant::from).atZone(zone).toLocalDate();
	}

	private static InvalidField unreadable(String rrule) {
		return new InvalidField(FIELD, "validation.recurrence.rule",
				"Repeat daily, weekly on chosen days or monthly on a day, until a date or a count: " + rrule);
	}

	/** The RRULE, with UNTIL as the last moment of its date in the series' time zone, in UTC. */
	public String rrule(ZoneId zone) {
		StringBuilder rule = new StringBuilder("FREQ=").append(frequency.name());
		if (interval != 1) {
			rule.append(";INTERVAL=").append(interval);
		}
		if (!days.isEmpty()) {
			rule.append(";BYDAY=").append(days.stream().sorted().map(day -> DAY_CODES.get(day.getValue() - 1))
				.collect(Collectors.joining(",")));
		}
		if (monthDay != null) {
			rule.append(";BYMONTHDAY=").append(monthDay);
		}
		if (count != null) {
			rule.append(";COUNT=").append(count);
		}
		if (until != null) {
			rule.append(";UNTIL=").append(UTC_STAMP.format(lastMomentOf(until, zone)));
		}
		return rule.toString();
	}

	private static Instant lastMomentOf(LocalDate date, ZoneId zone) {
		return date.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
	}

	/** The weekdays a weekly series falls on: those chosen, or the start's. */
	private Set<DayOfWeek> weekdays(LocalDate start) {
		return days.isEmpty() ? Set.of(start.getDayOfWeek()) : days;
	}

	/** The first occurrence of a series that starts at {@code start}: the first date the rule gives from then on. */
	public ZonedDateTime first(ZonedDateTime start) {
		List<ZonedDateTime> first = expand(start, null, null, 1);
		return first.isEmpty() ? start : first.get(0);
	}

	/**
	 * The starts of the occurrences of a series whose first occurrence is at {@code first}, from {@code from}
	 * (inclusive, {@code null} for the first) to {@code to} (exclusive, {@code null} for the last), at most
	 * {@code limit}, in order.
	 */
	public List<ZonedDateTime> between(ZonedDateTime first, Instant from, Instant to, int limit) {
		return expand(first, from, to, limit);
	}

	/** The start of the last occurrence, or {@code null} for a series without end. */
	public ZonedDateTime last(ZonedDateTime first) {
		if (until == null && count == null) {
			return null;
		}
		ZonedDateTime last = null;
		for (ZonedDateTime start : expand(first, null, null, MAX_COUNT * 40)) {
			last = start;
		}
		return last;
	}

	private List<ZonedDateTime> expand(ZonedDateTime first, Instant from, Instant to, int limit) {
		LocalDate start = first.toLocalDate();
		LocalTime time = first.toLocalTime();
		ZoneId zone = first.getZone();
		LocalDate lastDate = until;
		List<ZonedDateTime> found = new ArrayList<>();
		int counted = 0;
		// a series without a count may skip the periods that end before the window; a counted one counts them all
		long period = count == null && from != null ? Math.max(0, periodsBefore(start, from, zone) - 1) : 0;
		LocalDate latest = start.plusYears(MAX_YEARS + 1L);
		while (found.size() < limit) {
			List<LocalDate> dates = datesOf(start, period);
			if (dates.isEmpty() && periodStart(start, period).isAfter(latest)) {
				break;
			}
			boolean over = false;
			for (LocalDate date : dates) {
				if (date.isBefore(start)) {
					continue;
				}
				if (lastDate != null && date.isAfter(lastDate) || date.isAfter(latest)) {
					over = true;
					break;
				}
				ZonedDateTime occurrence = ZonedDateTime.of(date, time, zone);
				counted++;
				if (to != null && !occurrence.toInstant().isBefore(to)) {
					over = true;
					break;
				}
				if (from == null || !occurrence.toInstant().isBefore(from)) {
					found.add(occurrence);
					if (found.size() == limit) {
						break;
					}
				}
				if (count != null && counted == count) {
					over = true;
					break;
				}
			}
			if (over) {
				break;
			}
			period++;
		}
		return found;
	}

	/** Roughly how many whole periods pass from the start's date to the moment; never more. */
	private long periodsBefore(LocalDate start, Instant moment, ZoneId zone) {
		LocalDate date = moment.atZone(zone).toLocalDate();
		if (!date.isAfter(start)) {
			return 0;
		}
		long units = switch (frequency) {
			case DAILY -> ChronoUnit.DAYS.between(start, date);
			case WEEKLY -> ChronoUnit.WEEKS.between(weekOf(start), weekOf(date));
			case MONTHLY -> ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(date));
		};
		return units / interval;
	}

	private LocalDate periodStart(LocalDate start, long period) {
		long units = period * interval;
		return switch (frequency) {
			case DAILY -> start.plusDays(units);
			case WEEKLY -> weekOf(start).plusWeeks(units);
			case MONTHLY -> YearMonth.from(start).plusMonths(units).atDay(1);
		};
	}

	/** The dates the rule gives in the period, in order: a day, a week's chosen weekdays, a month's chosen day. */
	private List<LocalDate> datesOf(LocalDate start, long period) {
		LocalDate begins = periodStart(start, period);
		return switch (frequency) {
			case DAILY -> List.of(begins);
			case WEEKLY -> weekdays(start).stream().sorted().map(day -> begins.plusDays(day.getValue() - 1L)).toList();
			case MONTHLY -> {
				YearMonth month = YearMonth.from(begins);
				int day = monthDay == null ? start.getDayOfMonth() : monthDay;
				if (day == -1) {
					yield List.of(month.atEndOfMonth());
				}
				yield day <= month.lengthOfMonth() ? List.of(month.atDay(day)) : List.of();
			}
		};
	}

	private static LocalDate weekOf(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}
}
