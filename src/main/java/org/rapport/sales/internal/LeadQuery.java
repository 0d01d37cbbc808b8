package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.identity.Actor;
import org.rapport.shared.ResultPage;

/**
 * Builds the HQL of a filtered, sorted, paginated lead list, with the visibility rule always in the where clause.
 * A page fetches one row more than it shows (to know whether more follow) and counts at most
 * {@link #COUNT_LIMIT} matches, so a page costs the same whatever the table holds.
 */
final class LeadQuery {

	static final int COUNT_LIMIT = 10_000;

	private final List<String> conditions = new ArrayList<>();
	private final Map<String, Object> parameters = new LinkedHashMap<>();

	LeadQuery(Actor actor) {
		switch (actor.scope()) {
			case ALL -> {
			}
			case TEAM -> {
				if (actor.team() == null) {
					where("l.ownerId = :visibleOwner", "visibleOwner", actor.id().value());
				}
				else {
					conditions.add("(l.ownerId = :visibleOwner or l.teamId = :visibleTeam)");
					parameters.put("visibleOwner", actor.id().value());
					parameters.put("visibleTeam", actor.team().value());
				}
			}
			case OWN -> where("l.ownerId = :visibleOwner", "visibleOwner", actor.id().value());
		}
	}

	LeadQuery where(String condition, String parameter, Object value) {
		if (value != null) {
			conditions.add(condition);
			parameters.put(parameter, value);
		}
		return this;
	}

	/** Adds a case-insensitive prefix match over the given paths, any of which may match. */
	LeadQuery startingWith(String text, String... paths) {
		if (text == null || text.isBlank()) {
			return this;
		}
		String prefix = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_") + "%";
		List<String> alternatives = new ArrayList<>();
		for (String path : paths) {
			alternatives.add("lower(" + path + ") like :prefix escape '\\'");
		}
		conditions.add("(" + String.join(" or ", alternatives) + ")");
		parameters.put("prefix", prefix);
		return this;
	}

	String whereClause() {
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	ResultPage<Lead> page(EntityManager em, String orderBy, int page, int size) {
		TypedQuery<Lead> query = em.createQuery("select l from Lead l" + whereClause() + " order by " + orderBy,
				Lead.class);
		parameters.forEach(query::setParameter);
		query.setFirstResult(page * size);
		query.setMaxResults(size + 1);
		List<Lead> rows = query.getResultList();
		boolean hasNext = rows.size() > size;
		List<Lead> items = hasNext ? rows.subList(0, size) : rows;
		long total;
		boolean capped = false;
		if (page == 0 && !hasNext) {
			total = items.size();
		}
		else {
			total = count(em, orderBy);
			capped = total > COUNT_LIMIT;
			if (capped) {
				total = COUNT_LIMIT;
			}
		}
		return new ResultPage<>(items, page, size, hasNext, total, capped);
	}

	/** Counts up to one past the limit, walking the same index as the page itself. */
	private long count(EntityManager em, String orderBy) {
		TypedQuery<Long> query = em.createQuery("select count(*) from (select l.id as id from Lead l" + whereClause()
				+ " order by " + orderBy + " limit " + (COUNT_LIMIT + 1) + ") matches", Long.class);
		parameters.forEach(query::setParameter);
		return query.getSingleResult();
	}

	Map<String, Object> parameters() {
		return parameters;
	}
}
