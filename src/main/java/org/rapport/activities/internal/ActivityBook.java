package org.rapport.activities.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.activities.ActivityKind;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.VisibleQuery;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RecordRef;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, records, changes, completes and removes activities within what the acting user may see; answers a record's
 * timeline page by page and a user's work of the coming days.
 */
@Service
@Transactional(readOnly = true)
public class ActivityBook {

	/** The name of activities among the kinds of record that take custom fields. */
	public static final String ENTITY = "activity";

	/** The orders the activity list offers: by when it occurs (latest first) or by subject; an index serves each. */
	public static final SortWhitelist SORTS = SortWhitelist
		.defaultingTo("occursAt", Sort.Direction.DESC, "a.occursAt", "a.id")
		.with("subject", "a.subject", "a.id");

	/** The most entries a timeline page holds. */
	public static final int MAX_PAGE = 100;

	/** The most entries a part of "My work" shows; the activity list shows the rest. */
	public static final int MY_WORK_SHOWN = 50;

	private final Activities activities;
	private final AboutRecords about;
	private final UserDirectory directory;
	private final CustomFields customFields;
	private final EntityManager em;
	private final Clock clock;
	private final ActivityNotices notices;
	private final ActivityPreferences preferences;
	private final MeetingInvitations invitations;

	ActivityBook(Activities activities, AboutRecords about, UserDirectory directory, CustomFields customFields,
			EntityManager em, Clock clock, ActivityNotices notices, ActivityPreferences preferences,
			MeetingInvitations invitations) {
		this.invitations = invitations;
		this.notices = notices;
		this.preferences = preferences;
		this.activities = activities;
		this.about = about;
		this.directory = directory;
		this.customFields = customFields;
		this.em = em;
		this.clock = clock;
	}

	public Instant now() {
		return clock.instant();
	}

	/** The clock the activities go by. */
	public Clock clock() {
		return clock;
	}

	/** The orders of the list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "a");
	}

	/** A page of the visible activities that match the filter and the custom-field filters, in the chosen order. */
	public ResultPage<Activity> list(Actor actor, ActivityFilter filter, Sort sort, CustomFieldQuery custom, int page,
			int size) {
		return custom.applyTo(query(actor, filter), "a")
			.page(em, Activity.class, null, sorts(custom).orderBy(sort), page, size);
	}

	/** Hands every visible activity that matches to the action, in list order, for an export. */
	public void forEach(Actor actor, ActivityFilter filter, Sort sort, CustomFieldQuery custom,
			Consumer<Activity> action) {
		custom.applyTo(query(actor, filter), "a").forEach(em, Activity.class, null, sorts(custom).orderBy(sort), action);
	}

	private static VisibleQuery query(Actor actor, ActivityFilter filter) {
		VisibleQuery query = new VisibleQuery("Activity", "a", actor).where("a.kind = :kind", "kind", filter.kind())
			.where("a.ownerId = :owner", "owner", filter.owner())
			.where("a.status = :status", "status", filter.status())
			.where("a.occursAt >= :from", "from", filter.from())
			.where("a.occursAt < :to", "to", filter.to());
		if (filter.about() != null) {
			if (filter.about().type().equals(org.rapport.customers.AccountId.TYPE)) {
				// an account's activities include those about its contacts, opportunities, orders and contracts
				query.where("a.accountId = :account", "account", filter.about().id());
			}
			else {
				query.where("a.aboutType = :aboutType", "aboutType", filter.about().type())
					.where("a.aboutId = :aboutId", "aboutId", filter.about().id());
			}
		}
		return query;
	}

	/**
	 * The activity with its participants, if it exists and the actor may see it; otherwise it is not found.
	 */
	public Activity get(Actor actor, UUID id) {
		Activity found = activities.findById(id)
			.filter(activity -> actor.canSee(new UserId(activity.getOwnerId()), team(activity.getTeamId())))
			.orElseThrow(() -> new RecordNotFound("activity.notFound", "No activity " + id, id));
		org.hibernate.Hibernate.initialize(found.getParticipantSet());
		return found;
	}

	/** Records an activity with custom field values, which their definitions check (defaults fill the rest). */
	@Transactional
	public Activity create(Actor actor, ActivityDetails details, Map<String, ?> custom) {
		if (details.kind() == null) {
			throw new InvalidField("kind", "validation.required", "Choose the kind of activity");
		}
		Activity.About subject = visibleAbout(actor, details.about());
		Activity.Content content = content(actor, details);
		UserId owner = details.ownerId() == null ? actor.id() : new UserId(details.ownerId());
		TeamId team = directory.assign(actor, owner, team(details.teamId()), null, null);
		Activity activity = Activity.record(details.kind(), content, subject, owner, team, now());
		activity.changeCustomFields(customFields.merge(ENTITY, Map.of(), custom, true));
		Activity saved = activities.saveAndFlush(activity);
		notices.assigned(actor, saved);
		notices.mentioned(actor, saved, Set.of());
		invitations.planned(actor, saved, List.of());
		return saved;
	}

	/**
	 * Changes an activity's content; its kind and what it is about stay. Custom field values not given
	 * ({@code null} for none) stay as they are.
	 */
	@Transactional
	public Activity update(Actor actor, UUID id, long expectedVersion, ActivityDetails details,
			Map<String, ?> custom) {
		Activity activity = current(actor, id, expectedVersion);
		if (details.kind() != null && details.kind() != activity.getKind()) {
			throw new InvalidField("kind", "validation.activity.kind.fixed", "An activity keeps its kind");
		}
		if (details.about() != null && !details.about().equals(activity.about())) {
			throw new InvalidField("about", "validation.activity.about.fixed",
					"An activity stays with the record it is about");
		}
		ActivityDetails same = details.kind() == null ? withKind(details, activity.getKind()) : details;
		Set<String> mentionedBefore = Mentions.in(activity.getBody());
		UUID ownerBefore = activity.getOwnerId();
		List<Participant> participantsBefore = List.copyOf(activity.getParticipants());
		Instant firstBefore = activity.isSeries() ? activity.start() : null;
		ZoneId zoneBefore = activity.zone();
		activity.revise(content(actor, same), now());
		if (details.ownerId() != null || details.teamId() != null) {
			UserId owner = details.ownerId() == null ? new UserId(activity.getOwnerId()) : new UserId(details.ownerId());
			TeamId team = directory.assign(actor, owner, team(details.teamId()), new UserId(activity.getOwnerId()),
					team(activity.getTeamId()));
			activity.assign(owner, team);
		}
		if (custom != null) {
			activity.changeCustomFields(customFields.merge(ENTITY, activity.getCustomFields(), custom, false));
		}
		Activity saved = activities.saveAndFlush(activity);
		if (firstBefore != null && saved.isSeries() && !firstBefore.equals(saved.start())) {
			follow(saved, firstBefore, zoneBefore);
		}
		if (!ownerBefore.equals(saved.getOwnerId())) {
			notices.assigned(actor, saved);
		}
		notices.mentioned(actor, saved, mentionedBefore);
		invitations.planned(actor, saved, participantsBefore);
		return saved;
	}

	/**
	 * After a series moved: the occurrences that changed apart from it name the occurrence they replace by its new
	 * start, moved on the wall clock as the series' first one moved, so that a cancelled one stays cancelled and one
	 * done or moved is not shown twice. Their own times stay as they are.
	 */
	private void follow(Activity series, Instant firstBefore, ZoneId zoneBefore) {
		java.time.LocalDateTime before = firstBefore.atZone(zoneBefore).toLocalDateTime();
		java.time.LocalDateTime after = series.start().atZone(series.zone()).toLocalDateTime();
		long days = java.time.temporal.ChronoUnit.DAYS.between(before.toLocalDate(), after.toLocalDate());
		Duration time = Duration.between(before.toLocalTime(), after.toLocalTime());
		List<Activity> apart = activities.findBySeriesId(series.getId());
		// first out of the way, then to their new starts, so that no two share a start on the way
		for (int i = 0; i < apart.size(); i++) {
			em.createNativeQuery("update activity set original_start = ? where id = ?")
				.setParameter(1, java.time.OffsetDateTime.ofInstant(Instant.EPOCH.plusSeconds(i), java.time.ZoneOffset.UTC))
				.setParameter(2, apart.get(i).getId())
				.executeUpdate();
		}
		for (Activity own : apart) {
			Instant moved = own.getOriginalStart().atZone(zoneBefore).toLocalDateTime().plusDays(days).plus(time)
				.atZone(series.zone())
				.toInstant();
			em.createNativeQuery("update activity set original_start = ? where id = ?")
				.setParameter(1, java.time.OffsetDateTime.ofInstant(moved, java.time.ZoneOffset.UTC))
				.setParameter(2, own.getId())
				.executeUpdate();
		}
	}

	/** Marks the task, call or meeting done; one done already stays as it is. */
	@Transactional
	public Activity complete(Actor actor, UUID id, long expectedVersion) {
		Activity activity = current(actor, id, expectedVersion);
		activity.complete(now());
		return activities.saveAndFlush(activity);
	}

	/** Opens a done or cancelled task, call or meeting again. */
	@Transactional
	public Activity reopen(Actor actor, UUID id, long expectedVersion) {
		Activity activity = current(actor, id, expectedVersion);
		activity.reopen(now());
		return activities.saveAndFlush(activity);
	}

	/** Cancels a task, call or meeting. */
	@Transactional
	public Activity cancel(Actor actor, UUID id, long expectedVersion) {
		Activity activity = current(actor, id, expectedVersion);
		activity.cancel();
		Activity saved = activities.saveAndFlush(activity);
		invitations.cancelled(actor, saved, saved.getParticipants());
		return saved;
	}

	/**
	 * Puts an open task off by whole days in the actor's time zone, keeping its time of day; a task without a due
	 * time, or one overdue, falls due that many days from today at the time it had or at nine in the morning.
	 */
	@Transactional
	public Activity snooze(Actor actor, UUID id, long expectedVersion, int days) {
		if (days < 1 || days > 365) {
			throw new InvalidField("days", "validation.activity.snooze", "Put a task off by 1 to 365 days");
		}
		Activity activity = current(actor, id, expectedVersion);
		ZoneId zone = actor.zone();
		Instant now = now();
		java.time.LocalTime time = activity.getDueAt() == null ? java.time.LocalTime.of(9, 0)
				: activity.getDueAt().atZone(zone).toLocalTime();
		LocalDate from = activity.getDueAt() == null || activity.getDueAt().isBefore(now) ? LocalDate.now(clock.withZone(zone))
				: activity.getDueAt().atZone(zone).toLocalDate();
		activity.snoozeUntil(from.plusDays(days).atTime(time).atZone(zone).toInstant(), now);
		return activities.saveAndFlush(activity);
	}

	/** The longest a meeting lasts, which the calendar relies on to find the meetings that reach into a week. */
	public static final Duration MAX_MEETING = Duration.ofDays(31);

	/**
	 * Moves a meeting, call or task on the calendar: a meeting to a new start and end (keeping its length when no end
	 * is given), a call to a new start, a task to a new due time.
	 */
	@Transactional
	public Activity reschedule(Actor actor, UUID id, long expectedVersion, Instant start, Instant end) {
		if (start == null) {
			throw new InvalidField("start", "validation.required", "Say when it starts");
		}
		requirePlausible("start", start);
		requirePlausible("end", end);
		Activity activity = current(actor, id, expectedVersion);
		Instant until = end;
		if (activity.getKind() == ActivityKind.MEETING) {
			if (until == null) {
				until = start.plus(Duration.between(activity.getStartsAt(), activity.getEndsAt()));
			}
			if (until.isBefore(start)) {
				throw new InvalidField("end", "validation.activity.end", "A meeting ends after it starts");
			}
			if (Duration.between(start, until).compareTo(MAX_MEETING) > 0) {
				throw new InvalidField("end", "validation.activity.length", "A meeting lasts at most 31 days");
			}
		}
		activity.reschedule(start, until, now());
		Activity saved = activities.saveAndFlush(activity);
		invitations.planned(actor, saved, saved.getParticipants());
		return saved;
	}

	/**
	 * The visible meetings, calls and tasks with a due time that take place between {@code from} (inclusive) and
	 * {@code to} (exclusive), cancelled ones left out, by start: of the given owner, or of the given team, or else the
	 * actor's own and those they take part in. A series shows each of its occurrences in the window.
	 */
	public List<Occurrence> calendar(Actor actor, UUID owner, UUID team, Instant from, Instant to) {
		List<Activity> single = new ArrayList<>();
		List<Activity> series = new ArrayList<>();
		if (team != null) {
			single.addAll(window(actor, from, to).where("a.teamId = :team", "team", team)
				.list(em, Activity.class, null, "a.occursAt, a.id", CALENDAR_LIMIT));
			single.addAll(reaching(actor, from).where("a.teamId = :team", "team", team)
				.list(em, Activity.class, null, "a.endsAt, a.id", CALENDAR_LIMIT));
			series.addAll(series(actor, from, to).where("a.teamId = :team", "team", team)
				.list(em, Activity.class, null, "a.occursAt, a.id", CALENDAR_LIMIT));
		}
		else {
			UUID who = owner == null ? actor.id().value() : owner;
			single.addAll(window(actor, from, to).where("a.ownerId = :owner", "owner", who)
				.list(em, Activity.class, null, "a.occursAt, a.id", CALENDAR_LIMIT));
			single.addAll(reaching(actor, from).where("a.ownerId = :owner", "owner", who)
				.list(em, Activity.class, null, "a.endsAt, a.id", CALENDAR_LIMIT));
			series.addAll(series(actor, from, to).where("a.ownerId = :owner", "owner", who)
				.list(em, Activity.class, null, "a.occursAt, a.id", CALENDAR_LIMIT));
			if (owner == null) {
				single.addAll(em.createQuery("select a from Activity a join a.participants p "
						+ "where p.type = 'user' and p.id = :me and a.ownerId <> :me and a.status <> :cancelled "
						+ "and a.recurrenceZone is null "
						+ "and a.occursAt >= :earliest and a.occursAt < :to and (a.endsAt > :from or a.occursAt >= :from) "
						+ "order by a.occursAt, a.id", Activity.class)
					.setParameter("me", who)
					.setParameter("cancelled", ActivityStatus.CANCELLED)
					.setParameter("earliest", from.minus(MAX_MEETING))
					.setParameter("to", to)
					.setParameter("from", from)
					.setMaxResults(CALENDAR_LIMIT)
					.getResultList());
				series.addAll(em.createQuery("select a from Activity a join a.participants p "
						+ "where p.type = 'user' and p.id = :me and a.ownerId <> :me and a.status = :open "
						+ "and a.recurrenceZone is not null and a.occursAt < :to "
						+ "and (a.seriesUntil is null or a.seriesUntil > :from) order by a.occursAt, a.id", Activity.class)
					.setParameter("me", who)
					.setParameter("open", ActivityStatus.OPEN)
					.setParameter("to", to)
					.setParameter("from", from)
					.setMaxResults(CALENDAR_LIMIT)
					.getResultList());
			}
		}
		List<Occurrence> shown = new ArrayList<>();
		new LinkedHashSet<>(single).forEach(activity -> shown.add(Occurrence.of(activity)));
		shown.addAll(occurrences(new LinkedHashSet<>(series), from, to, CALENDAR_LIMIT));
		return firstByStart(shown, CALENDAR_LIMIT);
	}

	/**
	 * The occurrences of the series that take place between {@code from} (inclusive; a meeting that reaches into
	 * the window too) and {@code to} (exclusive), at most {@code limit} of each, leaving out those that changed apart
	 * from their series: those are activities of their own.
	 */
	private List<Occurrence> occurrences(Collection<Activity> series, Instant from, Instant to, int limit) {
		return occurrences(series, apart(series, from, to), from, to, limit);
	}

	/**
	 * The starts of the series' occurrences that changed apart from them, by series: those whose start falls in the
	 * window or up to the longest meeting before it.
	 */
	private Map<UUID, Set<Instant>> apart(Collection<Activity> series, Instant from, Instant to) {
		Map<UUID, Set<Instant>> apart = new java.util.HashMap<>();
		if (series.isEmpty()) {
			return apart;
		}
		em.createQuery("select a.seriesId, a.originalStart from Activity a where a.seriesId in :series "
				+ "and a.originalStart >= :earliest and a.originalStart < :to", Object[].class)
			.setParameter("series", series.stream().map(Activity::getId).toList())
			.setParameter("earliest", from == null ? Instant.EPOCH : from.minus(MAX_MEETING))
			.setParameter("to", to)
			.getResultList()
			.forEach(row -> apart.computeIfAbsent((UUID) row[0], id -> new java.util.HashSet<>()).add((Instant) row[1]));
		return apart;
	}

	private List<Occurrence> occurrences(Collection<Activity> series, Map<UUID, Set<Instant>> apart, Instant from,
			Instant to, int limit) {
		List<Occurrence> found = new ArrayList<>();
		for (Activity one : series) {
			Set<Instant> changed = apart.getOrDefault(one.getId(), Set.of());
			Duration length = one.length();
			Instant reach = from == null || length.isZero() ? from : from.minus(length).plusNanos(1);
			for (Instant start : one.occurrences(reach, to, limit + changed.size())) {
				if (!changed.contains(start)) {
					found.add(Occurrence.inSeries(one, start));
				}
			}
		}
		return found;
	}

	private static List<Occurrence> firstByStart(List<Occurrence> all, int limit) {
		List<Occurrence> sorted = new ArrayList<>(all);
		sorted.sort(java.util.Comparator.comparing(Occurrence::start)
			.thenComparing(occurrence -> occurrence.activity().getId()));
		return sorted.size() > limit ? List.copyOf(sorted.subList(0, limit)) : List.copyOf(sorted);
	}

	/**
	 * The visible series of meetings and dated tasks, not cancelled, that begin before the window ends and last until
	 * it starts; the index on the owner or team and the zone reads only series.
	 */
	private static VisibleQuery series(Actor actor, Instant from, Instant to) {
		return new VisibleQuery("Activity", "a", actor).where("a.recurrenceZone is not null")
			.where("a.status = :open", "open", ActivityStatus.OPEN)
			.where("a.occursAt < :to", "to", to)
			.where("(a.seriesUntil is null or a.seriesUntil > :from)", "from", from);
	}

	/** The visible meetings, calls and dated tasks that start in the window, cancelled ones left out. */
	private static VisibleQuery window(Actor actor, Instant from, Instant to) {
		return new VisibleQuery("Activity", "a", actor)
			.where("a.kind in :onCalendar", "onCalendar", Set.of(ActivityKind.MEETING, ActivityKind.CALL,
					ActivityKind.TASK))
			.where("a.status <> :cancelled", "cancelled", ActivityStatus.CANCELLED)
			.where("(a.kind <> :task or a.dueAt is not null)", "task", ActivityKind.TASK)
			.where("a.recurrenceZone is null")
			.where("a.occursAt >= :from", "from", from)
			.where("a.occursAt < :to", "to", to);
	}

	/**
	 * The visible meetings that began before the window and reach into it: found by their end, which comes within
	 * {@link #MAX_MEETING} of the window's start, so that the index on the end reads only those.
	 */
	private static VisibleQuery reaching(Actor actor, Instant from) {
		return new VisibleQuery("Activity", "a", actor)
			.where("a.endsAt > :from", "from", from)
			.where("a.endsAt <= :reach", "reach", from.plus(MAX_MEETING))
			.where("a.occursAt < :start", "start", from)
			.where("a.recurrenceZone is null")
			.where("a.status <> :cancelled", "cancelled", ActivityStatus.CANCELLED);
	}

	/** The most entries a calendar window shows. */
	public static final int CALENDAR_LIMIT = 2000;

	/** Removes the activity: its owner, a manager of its team or an administrator may. */
	@Transactional
	public void delete(Actor actor, UUID id, long expectedVersion) {
		Activity activity = current(actor, id, expectedVersion);
		if (!actor.canManage(new UserId(activity.getOwnerId()), team(activity.getTeamId()))) {
			throw new NotPermitted("activity.delete.denied", "Only its owner, a manager or an administrator removes an activity");
		}
		if (activity.getStatus() == ActivityStatus.OPEN) {
			invitations.cancelled(actor, activity, List.copyOf(activity.getParticipants()));
		}
		if (activity.isSeries()) {
			// a series goes with the occurrences that changed apart from it
			activities.deleteAll(activities.findBySeriesId(activity.getId()));
		}
		activities.delete(activity);
		activities.flush();
	}

	/**
	 * A page of a record's timeline, latest first: the visible activities about it (for an account, also those about
	 * its contacts, opportunities, orders and contracts) that come before the cursor, of the kinds given (all when
	 * none is).
	 */
	TimelinePage timeline(Actor actor, RecordRef record, Collection<ActivityKind> kinds, TimelineCursor before,
			int size) {
		// one more than a page: the timeline reads one more to know whether another page follows
		int limit = Math.max(1, Math.min(size, MAX_PAGE + 1));
		VisibleQuery query = query(actor, new ActivityFilter(null, record, null, null, null, null));
		if (kinds != null && !kinds.isEmpty() && kinds.size() < ActivityKind.values().length) {
			query.where("a.kind in :kinds", "kinds", Set.copyOf(kinds));
		}
		if (before != null) {
			query.where("(a.occursAt < :beforeAt or (a.occursAt = :beforeAt and a.id < :beforeId))", "beforeAt",
					before.at());
			query.parameters().put("beforeId", before.id());
		}
		List<Activity> rows = query.list(em, Activity.class, null, "a.occursAt desc, a.id desc", limit + 1);
		boolean more = rows.size() > limit;
		List<Activity> items = more ? rows.subList(0, limit) : rows;
		Activity last = items.isEmpty() ? null : items.get(items.size() - 1);
		return new TimelinePage(List.copyOf(items),
				more ? new TimelineCursor(last.getOccursAt(), last.getId()) : null);
	}

	/**
	 * The actor's open tasks, calls and meetings: overdue ones (tasks and calls whose time has passed), today's and
	 * those of the next seven days, by time, in the actor's time zone; each part holds at most {@link #MY_WORK_SHOWN}.
	 * A series shows each of its occurrences; an overdue one until it is done or cancelled.
	 */
	public MyWork myWork(Actor actor) {
		ZoneId zone = actor.zone();
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Instant startOfToday = today.atStartOfDay(zone).toInstant();
		Instant startOfTomorrow = today.plusDays(1).atStartOfDay(zone).toInstant();
		Instant endOfWeek = today.plusDays(8).atStartOfDay(zone).toInstant();
		// the actor's series and the occurrences changed apart from them, read once for the three parts
		List<Activity> series = new VisibleQuery("Activity", "a", actor).where("a.ownerId = :me", "me", actor.id().value())
			.where("a.recurrenceZone is not null")
			.where("a.status = :open", "open", ActivityStatus.OPEN)
			.where("a.occursAt < :to", "to", endOfWeek)
			.list(em, Activity.class, null, "a.occursAt, a.id", CALENDAR_LIMIT);
		Map<UUID, Set<Instant>> apart = apart(series, null, endOfWeek);
		List<Occurrence> overdue = open(actor, null, startOfToday, Set.of(ActivityKind.TASK, ActivityKind.CALL),
				series, apart);
		List<Occurrence> dueToday = open(actor, startOfToday, startOfTomorrow, null, series, apart);
		List<Occurrence> upcoming = open(actor, startOfTomorrow, endOfWeek, null, series, apart);
		return new MyWork(today, overdue, dueToday, upcoming);
	}

	private List<Occurrence> open(Actor actor, Instant from, Instant to, Set<ActivityKind> kinds, List<Activity> series,
			Map<UUID, Set<Instant>> apart) {
		VisibleQuery single = new VisibleQuery("Activity", "a", actor).where("a.ownerId = :me", "me", actor.id().value())
			.where("a.status = :open", "open", ActivityStatus.OPEN)
			.where("a.recurrenceZone is null")
			.where("a.occursAt >= :from", "from", from)
			.where("a.occursAt < :to", "to", to)
			// a task without a due time is on the list, not on a day
			.where("(a.kind <> :task or a.dueAt is not null)", "task", ActivityKind.TASK)
			.where("a.kind in :kinds", "kinds", kinds);
		List<Occurrence> shown = new ArrayList<>(single.list(em, Activity.class, null, "a.occursAt, a.id", MY_WORK_SHOWN)
			.stream()
			.map(Occurrence::of)
			.toList());
		shown.addAll(occurrences(series.stream().filter(one -> kinds == null || kinds.contains(one.getKind())).toList(),
				apart, from, to, MY_WORK_SHOWN));
		return firstByStart(shown, MY_WORK_SHOWN);
	}

	/**
	 * The occurrence of the series that starts at {@code original}: the activity it became when it changed apart from
	 * the series, or else the series' own; not found unless the actor may see it and the series has it.
	 */
	public Occurrence occurrence(Actor actor, UUID seriesId, Instant original) {
		Activity series = get(actor, seriesId);
		Optional<Activity> apart = activities.findBySeriesIdAndOriginalStart(seriesId, original);
		if (apart.isPresent()) {
			return Occurrence.of(get(actor, apart.get().getId()));
		}
		if (!series.isSeries() || !series.hasOccurrenceAt(original)) {
			throw new RecordNotFound("activity.notFound", "No occurrence at " + original + " of " + seriesId, seriesId);
		}
		return Occurrence.inSeries(series, original);
	}

	/**
	 * The occurrence as an activity of its own, apart from its series from now on, which it becomes unless it is one
	 * already; an occurrence of a cancelled series, or one the series does not have, is not found. The version the
	 * actor saw, if given, is the series' for an occurrence as the series gives it, and that activity's once it is
	 * one of its own: a change to either meanwhile is refused as stale.
	 */
	@Transactional
	public Activity apart(Actor actor, UUID seriesId, Instant original, Long expectedVersion) {
		Activity series = get(actor, seriesId);
		Optional<Activity> apart = activities.findBySeriesIdAndOriginalStart(seriesId, original);
		if (apart.isPresent()) {
			return expectedVersion == null ? get(actor, apart.get().getId())
					: current(actor, apart.get().getId(), expectedVersion);
		}
		if (expectedVersion != null && series.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Activity.class, seriesId);
		}
		if (!series.isSeries() || series.getStatus() != ActivityStatus.OPEN || !series.hasOccurrenceAt(original)) {
			throw new RecordNotFound("activity.notFound", "No occurrence at " + original + " of " + seriesId, seriesId);
		}
		try {
			Activity own = activities.saveAndFlush(Activity.occurrence(series, original, now()));
			org.hibernate.Hibernate.initialize(own.getParticipantSet());
			return own;
		}
		catch (org.springframework.dao.DataIntegrityViolationException concurrently) {
			// someone else set it apart at the same moment: their change stands, and this one is tried again
			throw new ObjectOptimisticLockingFailureException(Activity.class, seriesId);
		}
	}

	/**
	 * Changes one occurrence of a series apart from the rest: its content, times and custom fields; the version is
	 * the one the actor saw, as {@link #apart} takes it.
	 */
	@Transactional
	public Activity updateOccurrence(Actor actor, UUID seriesId, Instant original, long expectedVersion,
			ActivityDetails details, Map<String, ?> custom) {
		if (details.recurrence() != null) {
			throw new InvalidField(Recurrence.FIELD, "validation.recurrence.occurrence",
					"An occurrence of a series does not repeat on its own");
		}
		Activity own = apart(actor, seriesId, original, expectedVersion);
		return update(actor, own.getId(), own.getVersion(), details, custom);
	}

	/** Marks one occurrence of a series done. */
	@Transactional
	public Activity completeOccurrence(Actor actor, UUID seriesId, Instant original) {
		Activity own = apart(actor, seriesId, original, null);
		return complete(actor, own.getId(), own.getVersion());
	}

	/** Cancels one occurrence of a series; the others stay. */
	@Transactional
	public Activity cancelOccurrence(Actor actor, UUID seriesId, Instant original) {
		Activity own = apart(actor, seriesId, original, null);
		return cancel(actor, own.getId(), own.getVersion());
	}

	/** Puts one occurrence of a series of tasks off, as {@link #snooze} does. */
	@Transactional
	public Activity snoozeOccurrence(Actor actor, UUID seriesId, Instant original, int days) {
		if (days < 1 || days > 365) {
			throw new InvalidField("days", "validation.activity.snooze", "Put a task off by 1 to 365 days");
		}
		Activity own = apart(actor, seriesId, original, null);
		return snooze(actor, own.getId(), own.getVersion(), days);
	}

	/**
	 * Moves one occurrence of a series on the calendar, as {@link #reschedule} does; the version is the one the actor
	 * saw, as {@link #apart} takes it.
	 */
	@Transactional
	public Activity rescheduleOccurrence(Actor actor, UUID seriesId, Instant original, long expectedVersion,
			Instant start, Instant end) {
		if (start == null) {
			throw new InvalidField("start", "validation.required", "Say when it starts");
		}
		requirePlausible("start", start);
		requirePlausible("end", end);
		Activity own = apart(actor, seriesId, original, expectedVersion);
		return reschedule(actor, own.getId(), own.getVersion(), start, end);
	}

	/**
	 * The series' occurrences from {@code from} (inclusive) to {@code to} (exclusive), at most {@code limit}: each as
	 * the series gives it or as the activity it became apart from it; those cancelled apart included.
	 */
	public List<Occurrence> occurrencesOf(Actor actor, UUID seriesId, Instant from, Instant to, int limit) {
		Activity series = get(actor, seriesId);
		if (!series.isSeries()) {
			return List.of(Occurrence.of(series));
		}
		Map<Instant, Activity> apart = new java.util.HashMap<>();
		em.createQuery("select a from Activity a where a.seriesId = :series and a.originalStart >= :from "
				+ "and a.originalStart < :to", Activity.class)
			.setParameter("series", seriesId)
			.setParameter("from", from)
			.setParameter("to", to)
			.getResultList()
			.forEach(own -> apart.put(own.getOriginalStart(), own));
		List<Occurrence> found = new ArrayList<>();
		for (Instant start : series.occurrences(from, to, limit)) {
			Activity own = apart.get(start);
			found.add(own == null ? Occurrence.inSeries(series, start) : Occurrence.of(own));
		}
		return found;
	}

	private Activity.Content content(Actor actor, ActivityDetails details) {
		String subject = details.subject() == null ? null : details.subject().strip();
		if (subject == null || subject.isEmpty()) {
			throw new InvalidField("subject", "validation.required", "An activity needs a subject");
		}
		if (subject.length() > ActivityDetails.MAX_SUBJECT) {
			throw new InvalidField("subject", "validation.size.max", "At most 200 characters",
					ActivityDetails.MAX_SUBJECT);
		}
		requirePlausible("dueAt", details.dueAt());
		requirePlausible("startsAt", details.startsAt());
		requirePlausible("endsAt", details.endsAt());
		String body = details.kind() == ActivityKind.NOTE ? NoteHtml.sanitise(details.body())
				: blankToNull(details.body());
		if (details.kind() == ActivityKind.NOTE && body == null) {
			throw new InvalidField("body", "validation.required", "A note needs some text");
		}
		if (body != null && body.length() > ActivityDetails.MAX_BODY) {
			throw new InvalidField("body", "validation.size.max", "The text is too long", ActivityDetails.MAX_BODY);
		}
		if (details.kind() == ActivityKind.MEETING) {
			if (details.startsAt() == null) {
				throw new InvalidField("startsAt", "validation.required", "A meeting needs a start");
			}
			if (details.endsAt() == null) {
				throw new InvalidField("endsAt", "validation.required", "A meeting needs an end");
			}
			if (details.endsAt().isBefore(details.startsAt())) {
				throw new InvalidField("endsAt", "validation.activity.end", "A meeting ends after it starts");
			}
			if (Duration.between(details.startsAt(), details.endsAt()).compareTo(MAX_MEETING) > 0) {
				throw new InvalidField("endsAt", "validation.activity.length", "A meeting lasts at most 31 days");
			}
		}
		if (details.kind() == ActivityKind.CALL && details.durationMinutes() != null
				&& (details.durationMinutes() < 0 || details.durationMinutes() > ActivityDetails.MAX_DURATION)) {
			throw new InvalidField("durationMinutes", "validation.activity.duration",
					"A call lasts 0 to 1440 minutes", ActivityDetails.MAX_DURATION);
		}
		if (details.kind() == ActivityKind.EMAIL && blankToNull(details.emailTo()) == null) {
			throw new InvalidField("emailTo", "validation.required", "Whom the e-mail went to");
		}
		if (details.location() != null && details.location().length() > ActivityDetails.MAX_LOCATION) {
			throw new InvalidField("location", "validation.size.max", "At most 500 characters",
					ActivityDetails.MAX_LOCATION);
		}
		return new Activity.Content(subject, details.status(), details.priority(), details.dueAt(),
				details.startsAt(), details.endsAt(), details.allDay(), blankToNull(details.location()),
				details.kind() == ActivityKind.MEETING ? participants(actor, details.participants()) : List.of(),
				details.direction(), details.durationMinutes(), details.outcome(), blankToNull(details.emailFrom()),
				blankToNull(details.emailTo()), body, reminder(actor, details), details.recurrence(), actor.zone());
	}

	/** The longest reminder, in minutes before a meeting: a week. */
	public static final int MAX_REMINDER = 7 * 24 * 60;

	/**
	 * A meeting's reminder: the minutes given, none for a negative number, and the owner's default when not given.
	 */
	private Integer reminder(Actor actor, ActivityDetails details) {
		if (details.kind() != ActivityKind.MEETING) {
			return null;
		}
		Integer minutes = details.reminderMinutes();
		if (minutes == null) {
			return preferences.reminderOf(details.ownerId() == null ? actor.id() : new UserId(details.ownerId()));
		}
		if (minutes > MAX_REMINDER) {
			throw new InvalidField("reminderMinutes", "validation.activity.reminder",
					"A reminder comes at most a week before", MAX_REMINDER);
		}
		return minutes < 0 ? null : minutes;
	}

	/** Refuses a time on a date nobody means, such as in the year 20260, naming the field. */
	public static void requirePlausible(String field, Instant time) {
		if (!org.rapport.shared.PlausibleDate.Check.holds(time)) {
			throw new InvalidField(field, "validation.date", "Not a plausible date");
		}
	}

	/** The meeting's participants: active users, and contacts the actor sees. */
	private Collection<Participant> participants(Actor actor, List<RecordRef> given) {
		Set<Participant> participants = new LinkedHashSet<>();
		for (RecordRef ref : given) {
			boolean known = switch (ref.type()) {
				case Participant.USER -> directory.find(new UserId(ref.id())).filter(user -> user.active()).isPresent();
				case Participant.CONTACT -> about.seesContact(actor, ref.id());
				default -> false;
			};
			if (!known) {
				throw new InvalidField("participants", "validation.activity.participant",
						"No user or contact you can see: " + AboutRecords.format(ref), AboutRecords.format(ref));
			}
			participants.add(new Participant(ref.type(), ref.id()));
		}
		return new ArrayList<>(participants);
	}

	private Activity.About visibleAbout(Actor actor, RecordRef ref) {
		if (ref == null) {
			throw new InvalidField("about", "validation.required", "Name the record the activity is about");
		}
		return about.find(actor, ref)
			.orElseThrow(() -> new InvalidField("about", "validation.activity.about.unknown",
					"No record you can see: " + AboutRecords.format(ref)));
	}

	private Activity current(Actor actor, UUID id, long expectedVersion) {
		Activity activity = get(actor, id);
		if (activity.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Activity.class, id);
		}
		return activity;
	}

	private static ActivityDetails withKind(ActivityDetails d, ActivityKind kind) {
		return new ActivityDetails(kind, d.subject(), d.about(), d.status(), d.priority(), d.dueAt(), d.startsAt(),
				d.endsAt(), d.allDay(), d.location(), d.participants(), d.direction(), d.durationMinutes(),
				d.outcome(), d.emailFrom(), d.emailTo(), d.body(), d.ownerId(), d.teamId(), d.reminderMinutes(),
				d.recurrence());
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static TeamId team(UUID team) {
		return team == null ? null : new TeamId(team);
	}

	/** A page of a timeline and the cursor of the next one, {@code null} at the end. */
	public record TimelinePage(List<Activity> items, TimelineCursor next) {
	}

	/** The actor's open work, as of {@code today} in their time zone. */
	public record MyWork(LocalDate today, List<Occurrence> overdue, List<Occurrence> dueToday,
			List<Occurrence> upcoming) {
	}
}
