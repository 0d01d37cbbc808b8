package org.rapport.activities.internal;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.util.DateTimeComponents;
import biweekly.util.Frequency;
import biweekly.util.UtcOffset;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;



/**
 * iCalendar's view of Rapport's time zones and repetitions: a {@code VTIMEZONE} written from the JDK's rules of
 * the zone (its current daylight-saving rules, or its fixed offset), so that a repeating meeting's invitation keeps
 * its wall-clock time across a change in every calendar program, without fetching the zone from the network; and
 * the iCalendar form of a {@link Recurrence}.
 */
final class IcalZones {

	private IcalZones() {
	}

	/** The zone as a time zone for biweekly to write date-times in, with its {@code VTIMEZONE}. */
	static TimezoneAssignment assignment(ZoneId zone, Instant around) {
		return new TimezoneAssignment(TimeZone.getTimeZone(zone), component(zone, around));
	}

	/** The zone's {@code VTIMEZONE}: one observance per yearly change, or the offset it keeps. */
	static VTimezone component(ZoneId zone, Instant around) {
		ZoneRules rules = zone.getRules();
		VTimezone component = new VTimezone(zone.getId());
		List<ZoneOffsetTransitionRule> changes = rules.getTransitionRules();
		if (changes.isEmpty()) {
			ZoneOffset offset = rules.getOffset(around);
			StandardTime standard = new StandardTime();
			standard.setDateStart(new DateTimeComponents(1970, 1, 1, 0, 0, 0, false));
			standard.setTimezoneOffsetFrom(offset(offset));
			standard.setTimezoneOffsetTo(offset(offset));
			component.addStandardTime(standard);
			return component;
		}
		for (ZoneOffsetTransitionRule change : changes) {
			boolean daylight = change.getOffsetAfter().getTotalSeconds() > change.getStandardOffset().getTotalSeconds();
			Observance observance = daylight ? new DaylightSavingsTime() : new StandardTime();
			LocalDateTime first = change.createTransition(1970).getDateTimeBefore();
			observance.setDateStart(new DateTimeComponents(first.getYear(), first.getMonthValue(),
					first.getDayOfMonth(), first.getHour(), first.getMinute(), first.getSecond(), false));
			observance.setTimezoneOffsetFrom(offset(change.getOffsetBefore()));
			observance.setTimezoneOffsetTo(offset(change.getOffsetAfter()));
			observance.setRecurrenceRule(yearly(change, first.toLocalDate()));
			if (daylight) {
				component.addDaylightSavingsTime((DaylightSavingsTime) observance);
			}
			else {
				component.addStandardTime((StandardTime) observance);
			}
		}
		return component;
	}

	/**
	 * The change's yearly rule: in its month, on the weekday that falls within the seven days the rule names (the
	 * last Sunday of March is the Sunday among the 25th to the 31st), or on a fixed day.
	 */
	private static biweekly.util.Recurrence yearly(ZoneOffsetTransitionRule change, LocalDate in1970) {
		biweekly.util.Recurrence.Builder rule = new biweekly.util.Recurrence.Builder(Frequency.YEARLY)
			.byMonth(in1970.getMonthValue());
		int day = change.getDayOfMonthIndicator();
		DayOfWeek weekday = change.getDayOfWeek();
		// the moment of the change may fall on the next day of the wall clock (24:00, or a time in UTC)
		long shift = ChronoUnit.DAYS.between(ruleDate(change, 1970), in1970);
		if (weekday == null) {
			return rule.byMonthDay((int) (day + shift)).build();
		}
		List<Integer> days = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			days.add(day > 0 ? (int) (day + i + shift) : (int) (day - i + shift));
		}
		return rule.byDay(biweekly.util.DayOfWeek.valueOf(in1970.getDayOfWeek().name())).byMonthDay(days).build();
	}

	/** The date the rule names in the year, before its time of day moves it. */
	private static LocalDate ruleDate(ZoneOffsetTransitionRule change, int year) {
		int day = change.getDayOfMonthIndicator();
		LocalDate date = day < 0
				? LocalDate.of(year, change.getMonth(), 1).plusMonths(1).plusDays(day)
				: LocalDate.of(year, change.getMonth(), day);
		if (change.getDayOfWeek() != null) {
			date = date.with(day < 0 ? java.time.temporal.TemporalAdjusters.previousOrSame(change.getDayOfWeek())
					: java.time.temporal.TemporalAdjusters.nextOrSame(change.getDayOfWeek()));
		}
		return date;
	}

	private static UtcOffset offset(ZoneOffset offset) {
		return new UtcOffset(offset.getTotalSeconds() * 1000L);
	}

	/** The repetition as biweekly writes it, its UNTIL the last moment of its date in the zone. */
	static biweekly.util.Recurrence recurrence(Recurrence rule, ZoneId zone) {
		biweekly.util.Recurrence.Builder builder = new biweekly.util.Recurrence.Builder(
				Frequency.valueOf(rule.frequency().name()))
			.interval(rule.interval() == 1 ? null : rule.interval());
		rule.days().stream().sorted().forEach(day -> builder.byDay(biweekly.util.DayOfWeek.valueOf(day.name())));
		if (rule.monthDay() != null) {
			builder.byMonthDay(rule.monthDay());
		}
		if (rule.count() != null) {
			builder.count(rule.count());
		}
		if (rule.until() != null) {
			builder.until(Date.from(rule.until().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1)), true);
		}
		return builder.build();
	}
}
