package org.rapport.support.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.rapport.shared.InvalidField;
import org.rapport.shared.UuidV7;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * The working hours of a service desk: periods per weekday in a time zone, and holidays. Its hours are written as
 * {@code MON 09:00-17:00, TUE 09:00-12:00 13:00-17:00} (a day not named is closed; 24:00 ends a period at midnight) and its holidays as ISO dates; both
 * are checked when set, so that a kept calendar always gives {@link BusinessHours}.
 */
@Entity
@Table(name = "business_calendar")
@EntityListeners(AuditingEntityListener.class)
public class BusinessCalendar {

	/** The longest name. */
	public static final int MAX_NAME = 100;

	/** The longest working hours as kept, in characters. */
	public static final int MAX_HOURS = 1000;

	/** The longest list of holidays as kept, in characters (eleven per date). */
	public static final int MAX_HOLIDAYS = 8000;

	private static final Pattern DAY = Pattern.compile("\\s*([A-Za-z]{3})\\s+(.+)");
	private static final Pattern PERIOD = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");

	@Id
	private UUID id;

	@Version
	private long version;

	@Column(nullable = false)
	private String name;

	@Column(name = "time_zone", nullable = false)
	private String timeZone;

	@Column(name = "week_hours", nullable = false)
	private String weekHours;

	private String holidays;

	@CreatedDate
	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@LastModifiedDate
	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected BusinessCalendar() {
	}

	BusinessCalendar(String name, String timeZone, String weekHours, String holidays) {
		this.id = UuidV7.next();
		change(name, timeZone, weekHours, holidays);
	}

	/** New name, zone, hours and holidays, each checked; the calendar stays as it was when one is refused. */
	void change(String name, String timeZone, String weekHours, String holidays) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			throw new InvalidField("name", "support.calendar.name", "Give the calendar a name of up to {0} characters",
					MAX_NAME);
		}
		ZoneId zone = zone(timeZone);
		Map<DayOfWeek, List<BusinessHours.Period>> week = week(weekHours);
		Set<LocalDate> days = holidays(holidays);
		BusinessHours.of(zone, week, days);
		String formatted = format(week);
		if (formatted.length() > MAX_HOURS) {
			throw new InvalidField("hours", "support.calendar.hoursLength",
					"The working hours are written in up to {0} characters", MAX_HOURS);
		}
		String holidayList = days.stream().map(LocalDate::toString).collect(Collectors.joining(" "));
		if (holidayList.length() > MAX_HOLIDAYS) {
			throw new InvalidField("holidays", "support.calendar.holidaysLength", "A calendar holds up to {0} holidays",
					MAX_HOLIDAYS / 11);
		}
		this.name = trimmed;
		this.timeZone = zone.getId();
		this.weekHours = formatted;
		this.holidays = days.isEmpty() ? null : holidayList;
	}

	/** The business hours this calendar gives. */
	public BusinessHours hours() {
		return BusinessHours.of(ZoneId.of(timeZone), week(weekHours), holidays(holidays));
	}

	static ZoneId zone(String timeZone) {
		try {
			return ZoneId.of(timeZone == null ? "" : timeZone.strip());
		}
		catch (DateTimeException unknown) {
			throw new InvalidField("timeZone", "support.calendar.zone",
					"Choose a time zone by its name, such as Europe/Berlin");
		}
	}

	/** The periods per weekday written as {@code MON 09:00-17:00, TUE 09:00-12:00 13:00-17:00}. */
	static Map<DayOfWeek, List<BusinessHours.Period>> week(String text) {
		Map<DayOfWeek, List<BusinessHours.Period>> week = new EnumMap<>(DayOfWeek.class);
		if (text == null || text.isBlank()) {
			throw new InvalidField("hours", "support.hours.none", "Give the business hours at least one working period");
		}
		for (String part : text.split("[,;\\n]")) {
			if (part.isBlank()) {
				continue;
			}
			Matcher day = DAY.matcher(part);
			DayOfWeek weekday = day.matches() ? weekday(day.group(1)) : null;
			if (weekday == null) {
				throw unreadable(part);
			}
			Matcher period = PERIOD.matcher(day.group(2));
			List<BusinessHours.Period> periods = week.computeIfAbsent(weekday, d -> new ArrayList<>());
			int end = 0;
			while (period.find()) {
				if (!day.group(2).substring(end, period.start()).isBlank()) {
					throw unreadable(part);
				}
				periods.add(new BusinessHours.Period(time(period.group(1), part), time(period.group(2), part)));
				end = period.end();
			}
			if (periods.isEmpty() || !day.group(2).substring(end).isBlank()) {
				throw unreadable(part);
			}
		}
		return week;
	}

	private static LocalTime time(String text, String part) {
		try {
			String padded = text.length() == 4 ? "0" + text : text;
			return "24:00".equals(padded) ? LocalTime.MIDNIGHT : LocalTime.parse(padded);
		}
		catch (DateTimeParseException unreadable) {
			throw unreadable(part);
		}
	}

	private static DayOfWeek weekday(String abbreviation) {
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
				return day;
			}
		}
		return null;
	}

	private static InvalidField unreadable(String part) {
		return new InvalidField("hours", "support.calendar.hours",
				"Write the hours as a weekday and its periods, such as MON 09:00-17:00, TUE 09:00-12:00 13:00-17:00; "
						+ "this part is not: {0}", part.strip());
	}

	/** Holidays as ISO dates separated by spaces, commas or lines. */
	static Set<LocalDate> holidays(String text) {
		Set<LocalDate> days = new TreeSet<>();
		if (text == null) {
			return days;
		}
		for (String part : text.split("[\\s,;]+")) {
			if (part.isEmpty()) {
				continue;
			}
			try {
				days.add(LocalDate.parse(part));
			}
			catch (DateTimeParseException unreadable) {
				throw new InvalidField("holidays", "support.calendar.holidays",
						"Write holidays as dates such as 2026-12-25, separated by spaces; this one is not: {0}", part);
			}
		}
		return days;
	}

	static String format(Map<DayOfWeek, List<BusinessHours.Period>> week) {
		List<String> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<BusinessHours.Period> periods = week.getOrDefault(day, List.of());
			if (!periods.isEmpty()) {
				days.add(day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT) + " "
						+ periods.stream()
							.sorted(java.util.Comparator.comparing(BusinessHours.Period::start))
							.map(p -> p.start() + "-" + (p.end().equals(LocalTime.MIDNIGHT) ? "24:00" : p.end()))
							.collect(Collectors.joining(" ")));
			}
		}
		return String.join(", ", days);
	}

	public UUID getId() {
		return id;
	}

	public long getVersion() {
		return version;
	}

	public String getName() {
		return name;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public String getWeekHours() {
		return weekHours;
	}

	public String getHolidays() {
		return holidays;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}
}
