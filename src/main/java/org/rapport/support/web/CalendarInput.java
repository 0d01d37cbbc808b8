package org.rapport.support.web;

import org.rapport.support.internal.BusinessCalendar;

/** A business calendar as its form takes it: the week's hours as text, holidays as ISO dates. */
record CalendarInput(String name, String timeZone, String weekHours, String holidays, Long version) {

	static CalendarInput blank(String zone) {
		return new CalendarInput(null, zone, "MON 09:00-17:00, TUE 09:00-17:00, WED 09:00-17:00, THU 09:00-17:00, "
				+ "FRI 09:00-17:00", null, null);
	}

	static CalendarInput of(BusinessCalendar calendar) {
		return new CalendarInput(calendar.getName(), calendar.getTimeZone(), calendar.getWeekHours(),
				calendar.getHolidays(), calendar.getVersion());
	}

	/** The form field a domain check names: the calendar names the week's hours "hours" and the zone "zone". */
	static String fieldOf(String domainField) {
		return switch (domainField) {
			case "hours" -> "weekHours";
			case "zone" -> "timeZone";
			case "name", "timeZone", "holidays" -> domainField;
			default -> null;
		};
	}
}
