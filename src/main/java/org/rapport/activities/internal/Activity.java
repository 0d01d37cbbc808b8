package org.rapport.activities.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.rapport.activities.ActivityId;
import org.rapport.activities.ActivityKind;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordRef;
import org.rapport.shared.RuleBroken;

/**
 * A task, call, meeting, logged e-mail or note about one record of another module. Which fields it holds depends
 * on its kind; {@link #occursAt} places it on a timeline. A task, call or meeting is planned (open) and then done or
 * cancelled (a call made already is done when recorded); a logged e-mail and a note are done once recorded.
 */
@Entity
@Table(name = "activity")
@Indexed(index = "activity")
public class Activity extends BusinessRecord<Activity> {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ActivityKind kind;

	@Column(nullable = false)
	@FullTextField(name = "name", analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "name_grams", analyzer = "name_grams", norms = Norms.NO)
	private String subject;

	@Column(name = "about_type", nullable = false, updatable = false)
	private String aboutType;

	@Column(name = "about_id", nullable = false, updatable = false)
	private UUID aboutId;

	/** The account the record it is about belongs to, if any: its timeline shows the activity too. */
	@Column(name = "account_id")
	@KeywordField(name = "accountId", projectable = Projectable.YES, searchable = Searchable.NO)
	private UUID accountId;

	@Column(name = "occurs_at", nullable = false)
	private Instant occursAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ActivityStatus status;

	@Enumerated(EnumType.STRING)
	private Priority priority;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "starts_at")
	private Instant startsAt;

	@Column(name = "ends_at")
	private Instant endsAt;

	@Column(name = "all_day", nullable = false)
	private boolean allDay;

	private String location;

	@Column(name = "organiser_id")
	private UUID organiserId;

	@Enumerated(EnumType.STRING)
	private Direction direction;

	@Column(name = "duration_minutes")
	private Integer durationMinutes;

	@Enumerated(EnumType.STRING)
	private CallOutcome outcome;

	@Column(name = "email_from")
	private String emailFrom;

	@Column(name = "email_to")
	private String emailTo;

	/** A note's text as safe HTML ({@link NoteHtml}); the description of the other kinds, or an e-mail's body. */
	private String body;

	@Column(name = "completed_at")
	private Instant completedAt;

	/** How many minutes before its start a meeting reminds its people, or {@code null} for no reminder. */
	@Column(name = "reminder_minutes")
	private Integer reminderMinutes;

	/** When the activity alerts its people: a task when due, a meeting before its start; {@code null} for never. */
	@Column(name = "alert_at")
	private Instant alertAt;

	@Column(name = "alerted_at")
	private Instant alertedAt;

	/** A series' RRULE ({@link Recurrence}); {@code null} for an activity that does not repeat. */
	private String recurrence;

	/** The time zone a series repeats in: its occurrences keep their wall-clock time there. */
	@Column(name = "recurrence_zone")
	private String recurrenceZone;

	/** When a series' last occurrence ends; {@code null} for one without end or an activity that does not repeat. */
	@Column(name = "series_until")
	private Instant seriesUntil;

	/** The series an occurrence changed on its own belongs to. */
	@Column(name = "series_id", updatable = false)
	private UUID seriesId;

	/** The start the series gave the occurrence, which names it in the series. */
	@Column(name = "original_start", updatable = false)
	private Instant originalStart;

	@ElementCollection
	@org.hibernate.annotations.BatchSize(size = 100)
	@CollectionTable(name = "activity_participant", joinColumns = @JoinColumn(name = "activity_id"))
	private Set<Participant> participants = new LinkedHashSet<>();

	protected Activity() {
	}

	private Activity(ActivityKind kind, About about, UserId owner, TeamId team) {
		super(owner.value(), team == null ? null : team.value());
		this.kind = kind;
		this.aboutType = about.ref().type();
		this.aboutId = about.ref().id();
		this.accountId = about.accountId();
	}

	/**
	 * A new activity of the kind with its content, about the record; created {@code now}. A logged e-mail and a note
	 * are done at once, and so is a call that has started by {@code now}; the others take the status the content
	 * gives, open unless said otherwise.
	 */
	static Activity record(ActivityKind kind, Content content, About about, UserId owner, TeamId team, Instant now) {
		Activity activity = new Activity(kind, about, owner, team);
		activity.organiserId = kind == ActivityKind.MEETING ? owner.value() : null;
		activity.apply(content, now);
		activity.status = kind.isScheduled() && content.status() != null ? content.status()
				: kind.isScheduled() && !activity.isLoggedCall(now) ? ActivityStatus.OPEN : ActivityStatus.DONE;
		activity.completedAt = activity.status == ActivityStatus.DONE ? now : null;
		if (activity.status != ActivityStatus.OPEN) {
			activity.alertAt = null;
		}
		return activity;
	}

	/**
	 * The occurrence of the series that starts at {@code original}, as an activity of its own, open, so that it can
	 * change apart from the series: it takes the series' content, owner, team and custom fields and the times of that
	 * occurrence.
	 */
	static Activity occurrence(Activity series, Instant original, Instant now) {
		if (!series.isSeries()) {
			throw new IllegalArgumentException("Not a series: " + series.getId());
		}
		Activity occurrence = new Activity(series.kind, new About(series.about(), series.accountId),
				new UserId(series.getOwnerId()), series.getTeamId() == null ? null : new TeamId(series.getTeamId()));
		occurrence.seriesId = series.getId();
		occurrence.originalStart = original;
		occurrence.organiserId = series.organiserId;
		occurrence.subject = series.subject;
		occurrence.body = series.body;
		occurrence.priority = series.priority;
		occurrence.allDay = series.allDay;
		occurrence.location = series.location;
		occurrence.reminderMinutes = series.reminderMinutes;
		occurrence.participants.addAll(series.participants);
		if (series.kind == ActivityKind.TASK) {
			occurrence.dueAt = original;
		}
		else {
			occurrence.startsAt = original;
			occurrence.endsAt = original.plus(series.length());
		}
		occurrence.occursAt = original;
		occurrence.status = ActivityStatus.OPEN;
		occurrence.changeCustomFields(new java.util.LinkedHashMap<>(series.getCustomFields()));
		occurrence.planAlert(now);
		return occurrence;
	}

	/** A call that has started by {@code now} is logged, done; a later one is planned. */
	private boolean isLoggedCall(Instant now) {
		return kind == ActivityKind.CALL && !startsAt.isAfter(now);
	}

	/** New content; the kind and what it is about stay. */
	void revise(Content content, Instant now) {
		apply(content, now);
		if (content.status() != null && kind.isScheduled() && content.status() != status) {
			status = content.status();
			completedAt = status == ActivityStatus.DONE ? now : null;
			if (status != ActivityStatus.OPEN) {
				alertAt = null;
			}
			else {
				planAlert(now);
			}
		}
	}

	private void apply(Content content, Instant now) {
		this.subject = content.subject();
		this.body = content.body();
		this.priority = kind == ActivityKind.TASK ? (content.priority() == null ? Priority.NORMAL : content.priority())
				: null;
		this.dueAt = kind == ActivityKind.TASK ? content.dueAt() : null;
		boolean timed = kind == ActivityKind.MEETING || kind == ActivityKind.CALL || kind == ActivityKind.EMAIL;
		this.startsAt = timed ? (content.startsAt() == null ? now : content.startsAt()) : null;
		this.endsAt = kind == ActivityKind.MEETING ? content.endsAt() : null;
		this.allDay = kind == ActivityKind.MEETING && content.allDay();
		this.location = kind == ActivityKind.MEETING ? content.location() : null;
		this.direction = kind == ActivityKind.CALL || kind == ActivityKind.EMAIL ? content.direction() : null;
		this.durationMinutes = kind == ActivityKind.CALL ? content.durationMinutes() : null;
		this.outcome = kind == ActivityKind.CALL ? content.outcome() : null;
		this.emailFrom = kind == ActivityKind.EMAIL ? content.emailFrom() : null;
		this.emailTo = kind == ActivityKind.EMAIL ? content.emailTo() : null;
		if (kind == ActivityKind.MEETING && endsAt != null && endsAt.isBefore(startsAt)) {
			throw new IllegalArgumentException("A meeting ends after it starts");
		}
		this.participants.clear();
		if (kind == ActivityKind.MEETING) {
			this.participants.addAll(content.participants());
		}
		this.occursAt = switch (kind) {
			case TASK -> dueAt != null ? dueAt : occursAt != null ? occursAt : now;
			case MEETING, CALL, EMAIL -> startsAt;
			case NOTE -> occursAt != null ? occursAt : now;
		};
		this.reminderMinutes = kind == ActivityKind.MEETING ? content.reminderMinutes() : null;
		repeat(content.recurrence(), content.zone());
		planAlert(now);
	}

	/**
	 * Makes the activity a series that repeats so, in the zone (or the one it repeats in already), starting on the
	 * first occurrence the rule gives; or, given none, an activity that does not repeat. Only a task with a due time
	 * and a meeting repeat, and an occurrence changed on its own does not.
	 */
	private void repeat(Recurrence rule, ZoneId zone) {
		if (rule == null) {
			recurrence = null;
			recurrenceZone = null;
			seriesUntil = null;
			return;
		}
		if (seriesId != null) {
			throw new InvalidField(Recurrence.FIELD, "validation.recurrence.occurrence",
					"An occurrence of a series does not repeat on its own");
		}
		if (!(kind == ActivityKind.MEETING || kind == ActivityKind.TASK && dueAt != null)) {
			throw new InvalidField(Recurrence.FIELD, "validation.recurrence.kind",
					"Only a meeting or a task with a due time repeats");
		}
		ZoneId in = recurrenceZone != null ? ZoneId.of(recurrenceZone) : zone;
		ZonedDateTime start = start().atZone(in);
		if (rule.until() != null && (rule.until().isBefore(start.toLocalDate())
				|| rule.until().isAfter(start.toLocalDate().plusYears(Recurrence.MAX_YEARS)))) {
			throw new InvalidField(Recurrence.FIELD, "validation.recurrence.until",
					"A series ends on or after its first day and within ten years", Recurrence.MAX_YEARS);
		}
		List<ZonedDateTime> first = rule.between(start, null, null, 1);
		if (first.isEmpty()) {
			throw new InvalidField(Recurrence.FIELD, "validation.recurrence.none", "The repetition has no occurrence");
		}
		Duration length = length();
		moveTo(first.get(0).toInstant(), length);
		ZonedDateTime last = rule.last(first.get(0));
		recurrence = rule.rrule(in);
		recurrenceZone = in.getId();
		seriesUntil = last == null ? null : last.toInstant().plus(length);
	}

	private void moveTo(Instant start, Duration length) {
		if (kind == ActivityKind.TASK) {
			dueAt = start;
		}
		else {
			startsAt = start;
			endsAt = endsAt == null ? null : start.plus(length);
		}
		occursAt = start;
	}

	/** When it takes place: a task's due time, the others' start. */
	public Instant start() {
		return kind == ActivityKind.TASK ? dueAt : startsAt;
	}

	/** How long a meeting lasts, or a call that says so; nothing for the others. */
	public Duration length() {
		if (kind == ActivityKind.MEETING && endsAt != null) {
			return Duration.between(startsAt, endsAt);
		}
		if (kind == ActivityKind.CALL && durationMinutes != null) {
			return Duration.ofMinutes(durationMinutes);
		}
		return Duration.ZERO;
	}

	/** Whether the activity is a series that repeats. */
	public boolean isSeries() {
		return recurrence != null;
	}

	/** How the series repeats, or {@code null} for an activity that does not. */
	public Recurrence recurrence() {
		return recurrence == null ? null : Recurrence.parse(recurrence, zone());
	}

	/** The zone a series repeats in. */
	public ZoneId zone() {
		return recurrenceZone == null ? ZoneId.of("UTC") : ZoneId.of(recurrenceZone);
	}

	/**
	 * The starts of the series' occurrences from {@code from} (inclusive) to {@code to} (exclusive), at most
	 * {@code limit}; none for an activity that does not repeat.
	 */
	public List<Instant> occurrences(Instant from, Instant to, int limit) {
		if (!isSeries()) {
			return List.of();
		}
		return recurrence().between(start().atZone(zone()), from, to, limit).stream().map(ZonedDateTime::toInstant)
			.toList();
	}

	/** Whether the series has an occurrence that starts at this moment. */
	public boolean hasOccurrenceAt(Instant start) {
		return occurrences(start, start.plusNanos(1), 1).contains(start);
	}

	/**
	 * Sets when the activity alerts: an open task when it falls due, an open meeting its reminder's minutes before
	 * its start. A new time clears an alert that went out; one that is past already when planned never goes out (a
	 * task entered overdue), but a meeting still to start reminds at once.
	 */
	private void planAlert(Instant now) {
		if (isSeries()) {
			alertAt = status == ActivityStatus.OPEN || status == null ? nextAlertAfter(now) : null;
			alertedAt = null;
			return;
		}
		Instant alert = null;
		if (status == ActivityStatus.OPEN || status == null) {
			if (kind == ActivityKind.TASK && dueAt != null) {
				alert = dueAt;
			}
			else if (kind == ActivityKind.MEETING && reminderMinutes != null && startsAt.isAfter(now)) {
				alert = startsAt.minusSeconds(60L * reminderMinutes);
			}
		}
		if (java.util.Objects.equals(alert, alertAt)) {
			return;
		}
		alertAt = alert;
		alertedAt = alert != null && kind == ActivityKind.TASK && !alert.isAfter(now) ? now : null;
	}

	/**
	 * Marks the alert gone out; answers whether it is to go out now: an open activity whose alert is due and has not
	 * gone out yet. Once marked it never goes out again, until a new time plans a new one.
	 */
	boolean alerted(Instant now) {
		if (alertAt == null || alertedAt != null || alertAt.isAfter(now)) {
			return false;
		}
		alertedAt = now;
		return status == ActivityStatus.OPEN;
	}

	/**
	 * For a series whose next alert is due: answers the start of the occurrence it is for, and plans the alert of the
	 * first occurrence whose alert is still to come, so that a series alerts once for what it missed while Rapport
	 * was down; {@code null} when nothing is due.
	 */
	Instant alertedOccurrence(Instant now) {
		if (!isSeries() || alertAt == null || alertAt.isAfter(now) || status != ActivityStatus.OPEN) {
			return null;
		}
		Instant occurrence = alertAt.plus(reminderOffset());
		alertAt = nextAlertAfter(now);
		return occurrence;
	}

	/** How long before an occurrence's start its alert comes: a meeting's reminder; a task alerts when due. */
	private Duration reminderOffset() {
		return kind == ActivityKind.MEETING && reminderMinutes != null ? Duration.ofMinutes(reminderMinutes)
				: Duration.ZERO;
	}

	/** The alert of the series' first occurrence whose alert comes after {@code moment}, or none. */
	private Instant nextAlertAfter(Instant moment) {
		if (kind == ActivityKind.MEETING && reminderMinutes == null
				|| kind != ActivityKind.MEETING && kind != ActivityKind.TASK) {
			return null;
		}
		Duration offset = reminderOffset();
		List<Instant> next = occurrences(moment.plus(offset).plusNanos(1), null, 1);
		return next.isEmpty() ? null : next.get(0).minus(offset);
	}

	/**
	 * Moves the activity on the calendar: a meeting to a new start and end, a call to a new start, a task to a new
	 * due time; its reminder follows.
	 */
	void reschedule(Instant start, Instant end, Instant now) {
		requireSingle();
		switch (kind) {
			case MEETING -> {
				if (end == null || end.isBefore(start)) {
					throw new IllegalArgumentException("A meeting ends after it starts");
				}
				startsAt = start;
				endsAt = end;
			}
			case CALL -> startsAt = start;
			case TASK -> dueAt = start;
			default -> throw new RuleBroken("activity.notOnTheCalendar", "A logged e-mail or a note has no time to move");
		}
		occursAt = start;
		planAlert(now);
	}

	/** The task, call or meeting is done (held, made); answers whether that changed anything. */
	boolean complete(Instant now) {
		requireScheduled();
		requireSingle();
		if (status == ActivityStatus.DONE) {
			return false;
		}
		status = ActivityStatus.DONE;
		completedAt = now;
		alertAt = null;
		return true;
	}

	/** A done or cancelled task, call or meeting is open again. */
	void reopen(Instant now) {
		requireScheduled();
		status = ActivityStatus.OPEN;
		completedAt = null;
		planAlert(now);
	}

	/** The task, call or meeting will not happen. */
	void cancel() {
		requireScheduled();
		status = ActivityStatus.CANCELLED;
		completedAt = null;
		alertAt = null;
	}

	/** An open task falls due at a later time. */
	void snoozeUntil(Instant until, Instant now) {
		requireSingle();
		if (kind != ActivityKind.TASK || status != ActivityStatus.OPEN) {
			throw new RuleBroken("activity.notSnoozable", "Only an open task is put off");
		}
		dueAt = until;
		occursAt = until;
		planAlert(now);
	}

	/** The activity goes to another owner and team. */
	void assign(UserId owner, TeamId team) {
		assignOwner(owner.value(), team == null ? null : team.value());
	}

	/** A series completes, moves and is put off one occurrence at a time. */
	private void requireSingle() {
		if (isSeries()) {
			throw new RuleBroken("activity.series", "Complete, move or put off one occurrence of a series");
		}
	}

	private void requireScheduled() {
		if (!kind.isScheduled()) {
			throw new RuleBroken("activity.notScheduled", "A logged e-mail or a note is neither open nor done");
		}
	}

	public ActivityId id() {
		return new ActivityId(getId());
	}

	public RecordRef about() {
		return new RecordRef(aboutType, aboutId);
	}

	/** The page of the record it is about. */
	public String getAboutPage() {
		return AboutRecords.path(about());
	}

	/** Whether the activity is open and its time has passed on {@code now}. */
	public boolean isOverdue(Instant now) {
		return !isSeries() && status == ActivityStatus.OPEN && kind != ActivityKind.NOTE && kind != ActivityKind.EMAIL
				&& (kind != ActivityKind.TASK || dueAt != null) && occursAt.isBefore(now);
	}

	public ActivityKind getKind() {
		return kind;
	}

	public String getSubject() {
		return subject;
	}

	public String getAboutType() {
		return aboutType;
	}

	public UUID getAboutId() {
		return aboutId;
	}

	public UUID getAccountId() {
		return accountId;
	}

	public Instant getOccursAt() {
		return occursAt;
	}

	public ActivityStatus getStatus() {
		return status;
	}

	public Priority getPriority() {
		return priority;
	}

	public Instant getDueAt() {
		return dueAt;
	}

	public Instant getStartsAt() {
		return startsAt;
	}

	public Instant getEndsAt() {
		return endsAt;
	}

	public boolean isAllDay() {
		return allDay;
	}

	public String getLocation() {
		return location;
	}

	public UUID getOrganiserId() {
		return organiserId;
	}

	public Direction getDirection() {
		return direction;
	}

	public Integer getDurationMinutes() {
		return durationMinutes;
	}

	public CallOutcome getOutcome() {
		return outcome;
	}

	public String getEmailFrom() {
		return emailFrom;
	}

	public String getEmailTo() {
		return emailTo;
	}

	public String getBody() {
		return body;
	}

	public Instant getCompletedAt() {
		return completedAt;
	}

	public String getRecurrence() {
		return recurrence;
	}

	public String getRecurrenceZone() {
		return recurrenceZone;
	}

	public Instant getSeriesUntil() {
		return seriesUntil;
	}

	public UUID getSeriesId() {
		return seriesId;
	}

	public Instant getOriginalStart() {
		return originalStart;
	}

	public Integer getReminderMinutes() {
		return reminderMinutes;
	}

	public Instant getAlertAt() {
		return alertAt;
	}

	public Instant getAlertedAt() {
		return alertedAt;
	}

	/** The collection itself, which the service loads along with the activity. */
	Set<Participant> getParticipantSet() {
		return participants;
	}

	public Collection<Participant> getParticipants() {
		return java.util.Collections.unmodifiableSet(participants);
	}

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return ActivityId.TYPE;
	}

	/** What an activity says and when, as the service has checked it; fields the kind does not use are ignored. */
	record Content(String subject, ActivityStatus status, Priority priority, Instant dueAt, Instant startsAt,
			Instant endsAt, boolean allDay, String location, Collection<Participant> participants,
			Direction direction, Integer durationMinutes, CallOutcome outcome, String emailFrom, String emailTo,
			String body, Integer reminderMinutes, Recurrence recurrence, ZoneId zone) {
	}

	/** The record an activity is about and the account that record belongs to, if any. */
	record About(RecordRef ref, UUID accountId) {
	}
}
