package org.rapport.activities.web;

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
import org.rapport.activities.internal.Priority;

/**
 * An activity as the API shows it; {@code about} names the record as {@code type:id}, and {@code accountId} the
 * account whose timeline shows it too.
 */
record ActivityResource(UUID id, long version, ActivityKind kind, String subject, String about, UUID accountId,
		ActivityStatus status, Instant occursAt, Priority priority, Instant dueAt, Instant startsAt, Instant endsAt,
		Instant sentAt, boolean allDay, String location, UUID organiserId, List<String> participants,
		Direction direction, Integer durationMinutes, CallOutcome outcome, String emailFrom, String emailTo,
		String body, Instant completedAt, Integer reminderMinutes, Instant alertAt, Map<String, Object> customFields, UUID ownerId, UUID teamId,
		Instant createdAt, Instant updatedAt) {

	static ActivityResource of(Activity a) {
		return of(a, true);
	}

	/** An activity of a list: its participants are left out (null), each meeting's would cost a query. */
	static ActivityResource listed(Activity a) {
		return of(a, false);
	}

	private static ActivityResource of(Activity a, boolean withParticipants) {
		boolean email = a.getKind() == ActivityKind.EMAIL;
		return new ActivityResource(a.getId(), a.getVersion(), a.getKind(), a.getSubject(),
				AboutRecords.format(a.about()), a.getAccountId(), a.getStatus(), a.getOccursAt(), a.getPriority(),
				a.getDueAt(), email ? null : a.getStartsAt(), a.getEndsAt(), email ? a.getStartsAt() : null,
				a.isAllDay(), a.getLocation(), a.getOrganiserId(),
				withParticipants ? a.getParticipants().stream().map(p -> p.type() + ":" + p.id()).sorted().toList()
						: null,
				a.getDirection(),
				a.getDurationMinutes(), a.getOutcome(), a.getEmailFrom(), a.getEmailTo(), a.getBody(),
				a.getCompletedAt(), a.getReminderMinutes(), a.getAlertAt(), a.getCustomFields(), a.getOwnerId(), a.getTeamId(), a.getCreatedAt(),
				a.getUpdatedAt());
	}

}
