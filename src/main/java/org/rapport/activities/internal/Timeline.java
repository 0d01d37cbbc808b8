package org.rapport.activities.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.activities.ActivityKind;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.identity.Visibility;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RecordRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A record's timeline: its activities and the changes other modules reported about it, latest first, page by page.
 * An account's timeline holds those of its contacts, leads, opportunities, orders and contracts too. Both sources
 * are read by the same cursor, each at most one page, and merged; so a page costs two indexed reads whatever the
 * record holds.
 */
@Service
@Transactional(readOnly = true)
public class Timeline {

	private final ActivityBook activities;
	private final AboutRecords about;
	private final EntityManager em;

	Timeline(ActivityBook activities, AboutRecords about, EntityManager em) {
		this.activities = activities;
		this.about = about;
		this.em = em;
	}

	/**
	 * A page of the record's timeline before the cursor ({@code null} for the first), of one kind or of all; a
	 * record the actor may not see has none: it is not found.
	 */
	public Page page(Actor actor, RecordRef record, EntryKind only, TimelineCursor before, int size) {
		if (about.find(actor, record).isEmpty()) {
			throw new RecordNotFound("timeline.notFound", "No record you can see: " + AboutRecords.format(record),
					AboutRecords.format(record));
		}
		int limit = Math.max(1, Math.min(size, ActivityBook.MAX_PAGE));
		List<Entry> entries = new ArrayList<>();
		if (only != EntryKind.CHANGE) {
			EnumSet<ActivityKind> kinds = only == null ? EnumSet.allOf(ActivityKind.class)
					: EnumSet.of(only.activityKind());
			activities.timeline(actor, record, kinds, before, limit + 1)
				.items()
				.forEach(activity -> entries.add(new Entry(activity.getOccursAt(), activity.getId(), activity, null)));
		}
		if (only == null || only == EntryKind.CHANGE) {
			changes(actor, record, before, limit + 1)
				.forEach(change -> entries.add(new Entry(change.getOccurredAt(), change.getId(), null, change)));
		}
		entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::id).reversed());
		boolean more = entries.size() > limit;
		List<Entry> page = more ? List.copyOf(entries.subList(0, limit)) : List.copyOf(entries);
		Entry last = page.isEmpty() ? null : page.get(page.size() - 1);
		return new Page(page, more ? new TimelineCursor(last.at(), last.id()) : null);
	}

	private List<TimelineChange> changes(Actor actor, RecordRef record, TimelineCursor before, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		if (record.type().equals(AccountId.TYPE)) {
			conditions.add("c.accountId = :account");
			parameters.put("account", record.id());
		}
		else {
			conditions.add("c.aboutType = :type and c.aboutId = :id");
			parameters.put("type", record.type());
			parameters.put("id", record.id());
		}
		String visible = actor.visibility().render(new Visibility.Renderer<String>() {

			@Override
			public String everything() {
				return null;
			}

			@Override
			public String owner(UserId owner) {
				parameters.put("visibleOwner", owner.value());
				return "(c.ownerId is null or c.ownerId = :visibleOwner)";
			}

			@Override
			public String ownerOrTeam(UserId owner, TeamId team) {
				parameters.put("visibleOwner", owner.value());
				parameters.put("visibleTeam", team.value());
				return "(c.ownerId is null or c.ownerId = :visibleOwner or c.teamId = :visibleTeam)";
			}
		});
		if (visible != null) {
			conditions.add(visible);
		}
		if (before != null) {
			conditions.add("(c.occurredAt < :beforeAt or (c.occurredAt = :beforeAt and c.id < :beforeId))");
			parameters.put("beforeAt", before.at());
			parameters.put("beforeId", before.id());
		}
		TypedQuery<TimelineChange> query = em.createQuery("select c from TimelineChange c where "
				+ String.join(" and ", conditions) + " order by c.occurredAt desc, c.id desc", TimelineChange.class);
		parameters.forEach(query::setParameter);
		return query.setMaxResults(limit).getResultList();
	}

	/** An entry: an activity or a reported change, when it happens and its id. */
	public record Entry(Instant at, UUID id, Activity activity, TimelineChange change) {

		public boolean isActivity() {
			return activity != null;
		}
	}

	/** A page of entries and the cursor of the next one, {@code null} at the end. */
	public record Page(List<Entry> entries, TimelineCursor next) {
	}
}
