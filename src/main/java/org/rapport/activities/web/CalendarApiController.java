package org.rapport.activities.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "Meetings, calls and tasks with a due time, by when they take place")
class CalendarApiController {

	/** The longest window one request reads. */
	static final Duration MAX_WINDOW = Duration.ofDays(62);

	private final ActivityBook activities;
	private final CurrentActor currentActor;

	CalendarApiController(ActivityBook activities, CurrentActor currentActor) {
		this.activities = activities;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "The calendar between two instants", description = "Meetings, calls and tasks with a due "
			+ "time that take place from from (inclusive) to to (exclusive), at most 62 days, cancelled ones left out, "
			+ "by start: yours and those you take part in, or a user's (owner) or a team's (team), as far as you may "
			+ "see them. A series shows each occurrence in the window with the series' id and its originalStart. At most "
			+ "2000 entries.")
	List<ActivityResource> calendar(@RequestParam Instant from, @RequestParam Instant to,
			@Parameter(description = "Whose calendar: a user's id") @RequestParam(required = false) UUID owner,
			@Parameter(description = "Or a team's id") @RequestParam(required = false) UUID team) {
		ActivityBook.requirePlausible("from", from);
		ActivityBook.requirePlausible("to", to);
		if (!to.isAfter(from)) {
			throw new InvalidField("to", "validation.activity.range", "The end of the range comes before its start");
		}
		if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
			throw new InvalidField("to", "validation.calendar.window", "A calendar request reads at most 62 days", 62);
		}
		return activities.calendar(currentActor.get(), owner, team, from, to).stream()
			.map(ActivityResource::at)
			.toList();
	}
}
