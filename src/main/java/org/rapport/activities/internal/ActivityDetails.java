package org.rapport.activities.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.shared.RecordRef;

/**
 * An activity as a form or an API request gives it. Fields the kind does not use are ignored: a task takes
 * {@code dueAt} and {@code priority}; a meeting {@code startsAt}, {@code endsAt}, {@code allDay}, {@code location}
 * and {@code participants} (users and contacts); a call {@code startsAt}, {@code direction},
 * {@code durationMinutes} and {@code outcome}; a logged e-mail {@code startsAt} (when it was sent),
 * {@code direction}, {@code emailFrom} and {@code emailTo}. {@code body} is a note's HTML, which is sanitised, or
 * the others' description. {@code ownerId} and {@code teamId} default to the acting user's. A meeting reminds its
 * people {@code reminderMinutes} before it starts: the owner's default when not given, never when negative. A meeting
 * or a task with a due time repeats as {@code recurrence} says, in the acting user's time zone; {@code null} for not.
 */
public record ActivityDetails(ActivityKind kind, String subject, RecordRef about, ActivityStatus status,
		Priority priority, Instant dueAt, Instant startsAt, Instant endsAt, boolean allDay, String location,
		List<RecordRef> participants, Direction direction, Integer durationMinutes, CallOutcome outcome,
		String emailFrom, String emailTo, String body, UUID ownerId, UUID teamId, Integer reminderMinutes,
		Recurrence recurrence) {

	/** The longest subject, in characters. */
	public static final int MAX_SUBJECT = 200;

	/** The longest body, in characters, after sanitising. */
	public static final int MAX_BODY = 20_000;

	/** The longest meeting place or link. */
	public static final int MAX_LOCATION = 500;

	/** The longest call, in minutes. */
	public static final int MAX_DURATION = 24 * 60;

	public ActivityDetails {
		participants = participants == null ? List.of() : List.copyOf(participants);
	}

	/** Details that do not repeat. */
	public ActivityDetails(ActivityKind kind, String subject, RecordRef about, ActivityStatus status,
			Priority priority, Instant dueAt, Instant startsAt, Instant endsAt, boolean allDay, String location,
			List<RecordRef> participants, Direction direction, Integer durationMinutes, CallOutcome outcome,
			String emailFrom, String emailTo, String body, UUID ownerId, UUID teamId, Integer reminderMinutes) {
		this(kind, subject, about, status, priority, dueAt, startsAt, endsAt, allDay, location, participants,
				direction, durationMinutes, outcome, emailFrom, emailTo, body, ownerId, teamId, reminderMinutes, null);
	}

	/** Details without a reminder of their own, which do not repeat: a meeting takes its owner's default. */
	public ActivityDetails(ActivityKind kind, String subject, RecordRef about, ActivityStatus status,
			Priority priority, Instant dueAt, Instant startsAt, Instant endsAt, boolean allDay, String location,
			List<RecordRef> participants, Direction direction, Integer durationMinutes, CallOutcome outcome,
			String emailFrom, String emailTo, String body, UUID ownerId, UUID teamId) {
		this(kind, subject, about, status, priority, dueAt, startsAt, endsAt, allDay, location, participants,
				direction, durationMinutes, outcome, emailFrom, emailTo, body, ownerId, teamId, null, null);
	}
}
