package org.rapport.support.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.rapport.support.internal.BusinessCalendar;

/**
 * A business calendar as the API shows it, its hours and holidays written as it keeps them.
 */
record BusinessCalendarResource(UUID id, long version, String name, String timeZone,
		@Schema(description = "The working periods of each weekday, such as MON 09:00-17:00, TUE 09:00-12:00 13:00-17:00")
		String hours,
		@Schema(description = "Holidays as ISO dates separated by spaces") String holidays, Instant createdAt,
		Instant updatedAt) {

	static BusinessCalendarResource of(BusinessCalendar c) {
		return new BusinessCalendarResource(c.getId(), c.getVersion(), c.getName(), c.getTimeZone(),
				c.getWeekHours(), c.getHolidays(), c.getCreatedAt(), c.getUpdatedAt());
	}
}
