package org.rapport.support.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rapport.support.internal.BusinessCalendar;

/**
 * A business calendar as the API takes it: its hours and holidays as text, each checked by the calendar.
 */
record BusinessCalendarInput(@NotBlank @Size(max = BusinessCalendar.MAX_NAME) String name,
		@Schema(description = "A time zone by its name, such as Europe/Berlin", example = "Europe/Berlin")
		@NotBlank @Size(max = BusinessCalendarInput.MAX_ZONE) String timeZone,
		@Schema(description = "The working periods of each weekday; a day not named is closed and 24:00 ends a period "
				+ "at midnight", example = "MON 09:00-17:00, TUE 09:00-12:00 13:00-17:00")
		@NotBlank @Size(max = BusinessCalendarInput.MAX_HOURS) String hours,
		@Schema(description = "Holidays as ISO dates separated by spaces", example = "2026-12-25 2026-12-26")
		@Size(max = BusinessCalendarInput.MAX_HOLIDAYS) String holidays,
		@Schema(description = "The version read, instead of If-Match when a calendar is changed") Long version) {

	static final int MAX_ZONE = 60;
	static final int MAX_HOURS = 1000;
	static final int MAX_HOLIDAYS = 8000;
}
