package org.rapport.activities.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityDetails;
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.activities.internal.CallOutcome;
import org.rapport.activities.internal.Direction;
import org.rapport.activities.internal.Priority;
import org.rapport.shared.RecordRef;

/**
 * An activity as the API takes it. Fields its kind does not use are ignored.
 */
record ActivityInput(
		@Schema(description = "TASK, CALL, MEETING, EMAIL or NOTE; fixed once made") ActivityKind kind,
		@Size(max = ActivityDetails.MAX_SUBJECT) String subject,
		@Schema(description = "The record it is about as type:id, type one of account, contact, lead, opportunity, "
				+ "order, contract; fixed once made", example = "account:0193e1f2-7c4a-7000-8000-000000000001")
		@Size(max = 80) String about,
		@Schema(description = "OPEN, DONE or CANCELLED, for tasks, calls and meetings; logged e-mails and notes are "
				+ "DONE") ActivityStatus status,
		@Schema(description = "A task's priority: LOW, NORMAL (the default) or HIGH") Priority priority,
		@Schema(description = "When a task falls due") Instant dueAt,
		@Schema(description = "When a meeting or call starts") Instant startsAt,
		@Schema(description = "When a meeting ends, not before its start") Instant endsAt,
		@Schema(description = "When a logged e-mail was sent") Instant sentAt,
		Boolean allDay,
		@Schema(description = "A meeting's place or link") @Size(max = ActivityDetails.MAX_LOCATION) String location,
		@Schema(description = "A meeting's participants as user:id or contact:id")
		@Size(max = 100) List<@Size(max = 80) String> participants,
		@Schema(description = "INBOUND or OUTBOUND, for calls and logged e-mails") Direction direction,
		@Min(0) @Max(ActivityDetails.MAX_DURATION) Integer durationMinutes,
		CallOutcome outcome,
		@Size(max = 320) String emailFrom,
		@Size(max = 2000) String emailTo,
		@Schema(description = "A note's text as HTML, which is sanitised (no scripts, event handlers or javascript: "
				+ "links); the description of the other kinds, or a logged e-mail's body")
		@Size(max = ActivityDetails.MAX_BODY) String body,
		@Schema(description = "A meeting reminds its owner and participants this many minutes before it starts; "
				+ "left out, the owner's default (15 unless chosen); -1 for no reminder")
		@Min(-1) @Max(ActivityBook.MAX_REMINDER) Integer reminderMinutes,
		@Schema(description = "How a meeting or a task with a due time repeats, as an RRULE: FREQ=DAILY, WEEKLY "
				+ "(BYDAY=MO,WE...) or MONTHLY (BYMONTHDAY=1..31, or -1 for the last day), INTERVAL, and COUNT "
				+ "(up to 999) or UNTIL (a date, or a UTC time as in 20270131T225959Z); it repeats in your time "
				+ "zone. Left out, the activity does not repeat.", example = "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")
		@Size(max = 300) String recurrence,
		@Schema(description = "The owner; the acting user when left out") UUID ownerId,
		@Schema(description = "The team; the owner's when left out") UUID teamId,
		Map<String, Object> customFields,
		Long version) {

	/** The details, a repetition's UNTIL time read in the zone. */
	ActivityDetails toDetails(java.time.ZoneId zone) {
		ActivityKind given = kind;
		List<RecordRef> people = participants == null ? List.of()
				: participants.stream().map(text -> AboutRecords.parse("participants", text)).toList();
		Instant when = given == ActivityKind.EMAIL && sentAt != null ? sentAt : startsAt;
		return new ActivityDetails(given, subject, AboutRecords.parse("about", about), status, priority, dueAt, when,
				endsAt, allDay != null && allDay, location, people, direction, durationMinutes, outcome, emailFrom,
				emailTo, body, ownerId, teamId, reminderMinutes,
				org.rapport.activities.internal.Recurrence.parse(recurrence, zone));
	}
}
