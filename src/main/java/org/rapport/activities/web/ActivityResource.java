package org.rapport.activities.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.AboutRecords;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.activities.internal.CallOutcome;
import org.rapport.activities.internal.Direction;
import org.rapport.activities.internal.Occurrence;
import org.rapport.activities.internal.Priority;

/**
 * An activity as the API shows it; {@code about} names the record as {@code type:id}, and {@code accountId} the
 * account whose timeline shows it too.
 */
record ActivityResource(UUID id, long version, ActivityKind kind, String subject, String about, UUID accountId,
		ActivityStatus status, Instant occursAt, Priority priority, Instant dueAt, Instant startsAt, Instant endsAt,
		Instant sentAt, boolean allDay, String location, UUID organiserId, List<String> participants,
		Direction direction, Integer durationMinutes, CallOutcome outcome, String emailFrom, String emailTo,
		String body, Instant completedAt, Integer reminderMinutes, Instant alertAt,
		@Schema(description = "How a series repeats, as an RRULE; null for an activity that does not repeat")
		String recurrence,
		@Schema(description = "The time zone a series repeats in") String recurrenceZone,
		@Schema(description = "The series an occurrence belongs to") UUID seriesId,
		@Schema(description = "The start the series gives the occurrence, which names it in the series: "
				+ "/api/v1/activities/{seriesId}/occurrences/{originalStart}") Instant originalStart,
		Map<String, Object> customFields, UUID ownerId, UUID teamId, Instant createdAt, Instant updatedAt) {

	static ActivityResource of(Activity a) {
		return of(a, true);
	}

	/** An activity of a list: its participants are left out (null), each meeting's would cost a query. */
	static ActivityResource listed(Activity a) {
		return of(a, false);
	}

	/**
	 * An entry of a calendar or of a series' occurrences: an occurrence of a series carries the series' id and content
	 * with the occurrence's times, its seriesId and its originalStart; an activity of its own is as it is.
	 */
	static ActivityResource at(Occurrence occurrence) {
		if (!occurrence.isInSeries()) {
			return of(occurrence.activity(), false);
		}
		Activity series = occurrence.activity();
		boolean task = series.getKind() == ActivityKind.TASK;
		return of(series, false, occurrence.start(), task ? occurrence.start() : null,
				task ? null : occurrence.start(), series.getEndsAt() == null ? null : occurrence.end(),
				series.getId(), occurrence.original());
	}

	private static ActivityResource of(Activity a, boolean withParticipants) {
		return of(a, withParticipants, a.getOccursAt(), a.getDueAt(), a.getStartsAt(), a.getEndsAt(), a.getSeriesId(),
				a.getOriginalStart());
	}

	private static ActivityResource of(Activity a, boolean withParticipants, Instant occursAt, Instant dueAt,
			Instant startsAt, Instant endsAt, UUID seriesId, Instant originalStart) {
		boolean email = a.getKind() == ActivityKind.EMAIL;
		return new ActivityResource(a.getId(), a.getVersion(), a.getKind(), a.getSubject(),
				AboutRecords.format(a.about()), a.getAccountId(), a.getStatus(), occursAt, a.getPriority(),
				dueAt, email ? null : startsAt, endsAt, email ? startsAt : null,
				a.isAllDay(), a.getLocation(), a.getOrganiserId(),
				withParticipants ? a.getParticipants().stream().map(p -> p.type() + ":" + p.id()).sorted().toList()
						: null,
				a.getDirection(),
				a.getDurationMinutes(), a.getOutcome(), a.getEmailFrom(), a.getEmailTo(), a.getBody(),
				a.getCompletedAt(), a.getReminderMinutes(), a.getAlertAt(), a.getRecurrence(), a.getRecurrenceZone(),
				seriesId, originalStart, a.getCustomFields(), a.getOwnerId(), a.getTeamId(), a.getCreatedAt(),
				a.getUpdatedAt());
	}

}
