package org.rapport.activities.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityDetails;
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.activities.internal.CallOutcome;
import org.rapport.activities.internal.Direction;
import org.rapport.activities.internal.NoteHtml;
import org.rapport.activities.internal.Occurrence;
import org.rapport.activities.internal.Participant;
import org.rapport.activities.internal.Priority;
import org.rapport.activities.internal.Recurrence;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordRef;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An activity as the form and the timeline's quick entry take it: times are the user's wall-clock times, which the
 * user's time zone turns into instants; a note is typed as plain text, kept with its line breaks.
 */
record ActivityForm(ActivityKind kind, @NotBlank @Size(max = ActivityDetails.MAX_SUBJECT) String subject,
		String about, ActivityStatus status, Priority priority,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime dueAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt, Boolean allDay,
		@Size(max = ActivityDetails.MAX_LOCATION) String location, List<UUID> participantUsers,
		List<UUID> participantContacts,
		Direction direction, @Min(0) @Max(ActivityDetails.MAX_DURATION) Integer durationMinutes,
		CallOutcome outcome, @Size(max = 320) String emailFrom, @Size(max = 2000) String emailTo,
		@Size(max = 10_000) String body, @Min(-1) @Max(ActivityBook.MAX_REMINDER) Integer reminderMinutes, UUID ownerId,
		UUID teamId, Long version, String repeat, Integer repeatInterval, List<DayOfWeek> repeatDays,
		Integer repeatMonthDay, String repeatEnd, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate repeatUntil,
		Integer repeatCount, Instant occurrence, @Size(max = 40_000) String noteHtml, String bodyFormat) {

	/** What bodyFormat says when the page's editor sent a note's formatted text in noteHtml. */
	static final String HTML = "html";

	/** How the form says a series ends: never, on a date or after a number of occurrences. */
	static final List<String> ENDS = List.of("NEVER", "ON", "AFTER");

	/** A new activity of the kind about the record, at the next full hour for what is planned. */
	static ActivityForm blank(ActivityKind kind, String about, Instant now, ZoneId zone, Integer reminder) {
		LocalDateTime nextHour = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS).plusHours(1);
		LocalDateTime start = kind == ActivityKind.MEETING ? nextHour
				: LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES);
		return new ActivityForm(kind, null, about, null, Priority.NORMAL,
				kind == ActivityKind.TASK ? nextHour.plusDays(1).withHour(9) : null, start,
				kind == ActivityKind.MEETING ? nextHour.plusHours(1) : null, false, null, List.of(), List.of(),
				kind == ActivityKind.CALL || kind == ActivityKind.EMAIL ? Direction.OUTBOUND : null, null, null, null,
				null, null, reminder == null ? -1 : reminder, null, null, null, "NONE", 1, List.of(), null, "NEVER", null,
				null, null, null, null);
	}

	/** The same form for the time chosen: a meeting's or call's start and end, a task's due time. */
	ActivityForm at(LocalDateTime start, LocalDateTime end, boolean wholeDays) {
		boolean task = kind == ActivityKind.TASK;
		return new ActivityForm(kind, subject, about, status, priority, task ? start : dueAt, task ? startsAt : start,
				kind == ActivityKind.MEETING ? (end == null || end.isBefore(start) ? start.plusHours(1) : end) : endsAt,
				kind == ActivityKind.MEETING && wholeDays, location, participantUsers, participantContacts, direction,
				durationMinutes,
				outcome, emailFrom, emailTo, body, reminderMinutes, ownerId, teamId, version, repeat, repeatInterval,
				repeatDays, repeatMonthDay, repeatEnd, repeatUntil, repeatCount, occurrence, noteHtml, bodyFormat);
	}

	static ActivityForm of(Activity a, ZoneId zone) {
		Recurrence rule = a.recurrence();
		return of(a, zone, a.getDueAt(), a.getStartsAt(), a.getEndsAt(), rule, null);
	}

	/** The form of one occurrence of a series, at its times, which does not repeat on its own. */
	static ActivityForm of(Occurrence o, ZoneId zone) {
		Activity a = o.activity();
		boolean task = a.getKind() == ActivityKind.TASK;
		return of(a, zone, task ? o.start() : null, task ? null : o.start(),
				a.getEndsAt() == null ? null : o.end(), null, o.original());
	}

	private static ActivityForm of(Activity a, ZoneId zone, Instant dueAt, Instant startsAt, Instant endsAt,
			Recurrence rule, Instant occurrence) {
		return new ActivityForm(a.getKind(), a.getSubject(), AboutRecords.format(a.about()),
				occurrence == null ? a.getStatus() : ActivityStatus.OPEN,
				a.getPriority(), local(dueAt, zone), local(startsAt, zone), local(endsAt, zone),
				a.isAllDay(), a.getLocation(),
				a.getParticipants().stream().filter(Participant::isUser).map(Participant::id).toList(),
				a.getParticipants().stream().filter(p -> !p.isUser()).map(Participant::id).toList(), a.getDirection(), a.getDurationMinutes(), a.getOutcome(), a.getEmailFrom(), a.getEmailTo(),
				a.getKind() == ActivityKind.NOTE ? NoteHtml.toText(a.getBody()) : a.getBody(),
				a.getReminderMinutes() == null ? -1 : a.getReminderMinutes(), a.getOwnerId(), a.getTeamId(),
				a.getVersion(), rule == null ? "NONE" : rule.frequency().name(), rule == null ? 1 : rule.interval(),
				rule == null ? List.of() : List.copyOf(rule.days()), rule == null ? null : rule.monthDay(),
				rule == null || rule.until() == null && rule.count() == null ? "NEVER" : rule.until() != null ? "ON" : "AFTER",
				rule == null ? null : rule.until(), rule == null ? null : rule.count(), occurrence,
				a.getKind() == ActivityKind.NOTE ? a.getBody() : null, null);
	}

	/**
	 * How the form says the activity repeats, or {@code null} for not: a frequency, every how many periods, the
	 * weekdays of a weekly series, the day of a monthly one (empty for the start's, -1 for the last) and its end.
	 */
	Recurrence recurrence() {
		if (repeat == null || repeat.isBlank() || repeat.equals("NONE")) {
			return null;
		}
		Recurrence.Frequency frequency;
		try {
			frequency = Recurrence.Frequency.valueOf(repeat);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidField(Recurrence.FIELD, "validation.recurrence.frequency", "Choose daily, weekly or monthly");
		}
		String end = repeatEnd == null ? "NEVER" : repeatEnd;
		if (end.equals("ON") && repeatUntil == null) {
			throw new InvalidField("repeatUntil", "validation.required", "Say on which day the series ends");
		}
		if (end.equals("AFTER") && repeatCount == null) {
			throw new InvalidField("repeatCount", "validation.required", "Say after how many occurrences it ends");
		}
		return new Recurrence(frequency, repeatInterval == null ? 1 : repeatInterval,
				repeatDays == null ? java.util.Set.of() : java.util.Set.copyOf(repeatDays),
				frequency == Recurrence.Frequency.MONTHLY ? repeatMonthDay : null, end.equals("ON") ? repeatUntil : null,
				end.equals("AFTER") ? repeatCount : null);
	}

	/** The details the form gives. */
	ActivityDetails toDetails(ZoneId zone) {
		List<RecordRef> people = new java.util.ArrayList<>();
		if (participantContacts != null) {
			participantContacts.forEach(contact -> people.add(new RecordRef(Participant.CONTACT, contact)));
		}
		if (participantUsers != null) {
			participantUsers.forEach(user -> people.add(new RecordRef(Participant.USER, user)));
		}
		boolean wholeDays = allDay != null && allDay;
		LocalDateTime end = wholeDays && endsAt != null ? endsAt.toLocalDate().atStartOfDay() : endsAt;
		LocalDateTime start = wholeDays && startsAt != null ? startsAt.toLocalDate().atStartOfDay() : startsAt;
		return new ActivityDetails(kind, subject, AboutRecords.parse("about", about), status, priority,
				instant(dueAt, zone), instant(start, zone), instant(end, zone), wholeDays, location, people, direction,
				durationMinutes, outcome, emailFrom, emailTo,
				kind == ActivityKind.NOTE ? noteBody() : body, ownerId, teamId, reminderMinutes,
				occurrence == null ? recurrence() : null);
	}

	/**
	 * A note's HTML: as the page's editor sent it with its formatting (the domain sanitises it), or else the plain
	 * text typed, its lines kept.
	 */
	private String noteBody() {
		return HTML.equals(bodyFormat) ? noteHtml : NoteHtml.fromText(body);
	}

	private static Instant instant(LocalDateTime time, ZoneId zone) {
		return time == null ? null : time.atZone(zone).toInstant();
	}

	private static LocalDateTime local(Instant time, ZoneId zone) {
		return time == null ? null : LocalDateTime.ofInstant(time, zone);
	}
}
