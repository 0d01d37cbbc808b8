package org.rapport.activities.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.activities.internal.Occurrence;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RuleBroken;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The calendar: month, week, day and agenda views of meetings, calls and tasks with a due time, the user's own or a
 * teammate's or a team's, in the user's time zone; an entry dragged or resized moves, a slot chosen opens a new
 * meeting there. The browser shows the user's wall-clock times: the page's script treats them as UTC, so that no
 * time zone of the browser's own shifts them.
 */
@Controller
class CalendarController {

	private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	private final ActivityBook activities;
	private final CurrentActor currentActor;
	private final UserDirectory directory;

	CalendarController(ActivityBook activities, CurrentActor currentActor, UserDirectory directory) {
		this.activities = activities;
		this.currentActor = currentActor;
		this.directory = directory;
	}

	@GetMapping("/calendar")
	String page(@RequestParam(required = false) UUID owner, @RequestParam(required = false) UUID team,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String view, Model model) {
		Actor actor = currentActor.get();
		// the choice of whose calendar, as the form sends it without a script: owner:{id} or team:{id}
		if (scope != null && scope.matches("(owner|team):[0-9a-fA-F-]{36}")) {
			UUID chosen = UUID.fromString(scope.substring(scope.indexOf(':') + 1));
			owner = scope.startsWith("owner") ? chosen : null;
			team = scope.startsWith("team") ? chosen : null;
		}
		model.addAttribute("owner", owner);
		model.addAttribute("team", team);
		model.addAttribute("users", directory.activeUsers());
		model.addAttribute("teams", actor.isAdmin() ? directory.teams()
				: directory.teams().stream().filter(t -> t.id().equals(actor.team())).toList());
		model.addAttribute("view", view != null && List.of("dayGridMonth", "timeGridWeek", "timeGridDay", "listWeek")
			.contains(view) ? view : "timeGridWeek");
		model.addAttribute("today", LocalDate.now(activities.clock().withZone(actor.zone())));
		return "activities/calendar";
	}

	/** The entries of the window the calendar shows, as its script reads them; times on the user's wall clock. */
	@GetMapping("/calendar/events")
	@ResponseBody
	List<Map<String, Object>> events(@RequestParam String start, @RequestParam String end,
			@RequestParam(required = false) UUID owner, @RequestParam(required = false) UUID team) {
		Actor actor = currentActor.get();
		ZoneId zone = actor.zone();
		Instant from = wallClock("start", start, zone);
		Instant to = wallClock("end", end, zone);
		List<Map<String, Object>> events = new ArrayList<>();
		for (Occurrence o : activities.calendar(actor, owner, team, from, to)) {
			Activity a = o.activity();
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("id", o.isInSeries() ? a.getId() + "@" + o.original() : a.getId().toString());
			event.put("title", a.getSubject());
			boolean allDay = a.isAllDay();
			event.put("allDay", allDay);
			Instant begins = o.start();
			Instant ends = o.end().isAfter(begins) ? o.end() : null;
			if (allDay) {
				LocalDate first = begins.atZone(zone).toLocalDate();
				LocalDate last = ends == null ? first : ends.atZone(zone).toLocalDate();
				event.put("start", first.toString());
				event.put("end", last.plusDays(1).toString());
			}
			else {
				event.put("start", WALL_CLOCK.format(LocalDateTime.ofInstant(begins, zone)));
				if (ends != null) {
					event.put("end", WALL_CLOCK.format(LocalDateTime.ofInstant(ends, zone)));
				}
			}
			event.put("url", o.getPath());
			event.put("editable", a.getStatus() == ActivityStatus.OPEN);
			event.put("durationEditable", a.getKind() == ActivityKind.MEETING && !allDay);
			event.put("classNames", List.of("calendar-" + a.getKind().name().toLowerCase(java.util.Locale.ROOT),
					"calendar-" + a.getStatus().name().toLowerCase(java.util.Locale.ROOT)));
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("activity", a.getId().toString());
			props.put("version", a.getVersion());
			props.put("kind", a.getKind().name());
			if (o.isInSeries()) {
				props.put("occurrence", o.original().toString());
			}
			event.put("extendedProps", props);
			events.add(event);
		}
		return events;
	}

	/** Moves an entry dragged or resized on the calendar; answers its new version, or why it did not move. */
	@PostMapping("/calendar/{id}/move")
	@ResponseBody
	ResponseEntity<Map<String, Object>> move(@PathVariable UUID id, @RequestParam long version,
			@RequestParam String start, @RequestParam(required = false) String end,
			@RequestParam(required = false) Instant occurrence) {
		Actor actor = currentActor.get();
		try {
			Instant from = wallClock("start", start, actor.zone());
			Instant to = end == null || end.isBlank() ? null : wallClock("end", end, actor.zone());
			Activity moved = occurrence == null ? activities.reschedule(actor, id, version, from, to)
					: activities.rescheduleOccurrence(actor, id, occurrence, version, from, to);
			return ResponseEntity.ok(Map.of("version", moved.getVersion()));
		}
		catch (InvalidField | RuleBroken | org.rapport.shared.RecordNotFound refused) {
			return ResponseEntity.unprocessableContent().body(Map.of("field", refused instanceof InvalidField field
					? field.field() : "start"));
		}
		catch (OptimisticLockingFailureException stale) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("stale", true));
		}
	}

	/** A time on the user's wall clock as the calendar's script writes it, a date alone meaning its start. */
	static Instant wallClock(String field, String text, ZoneId zone) {
		try {
			String plain = text.length() > 19 ? text.substring(0, 19) : text;
			LocalDateTime time = plain.length() == 10 ? LocalDate.parse(plain).atStartOfDay()
					: LocalDateTime.parse(plain);
			Instant instant = time.atZone(zone).toInstant();
			ActivityBook.requirePlausible(field, instant);
			return instant;
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidField(field, "validation.date", "Not a date and time");
		}
	}
}
