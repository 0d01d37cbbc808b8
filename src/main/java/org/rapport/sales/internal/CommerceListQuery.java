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
 * Builds the HQL of a filtered, sorted, paginated list of products, orders or contracts, with the visibility
 * rule in the where clause where the list needs one. Each list fetches one page plus one row and counts at most
 * {@link #COUNT_LIMIT} matches, so a page costs the same whatever the table holds.
 */
final class CommerceListQuery {

	static final int COUNT_LIMIT = 10_000;

	private final String entity;
	private final String alias;
	private final List<String> conditions = new ArrayList<>();
	private final Map<String, Object> parameters = new LinkedHashMap<>();

	private CommerceListQuery(String entity, String alias) {
		this.entity = entity;
		this.alias = alias;
	}

	/** A list that everybody sees whole, such as the catalogue. */
	static CommerceListQuery everything(String entity, String alias) {
		return new CommerceListQuery(entity, alias);
	}

	/** A list of owned records, narrowed to what the actor may see. */
	static CommerceListQuery visibleTo(Actor actor, String entity, String alias) {
		CommerceListQuery query = new CommerceListQuery(entity, alias);
		switch (actor.scope()) {
			case ALL -> {
			}
			case TEAM -> {
				if (actor.team() == null) {
					query.where(alias + ".ownerId = :visibleOwner", "visibleOwner", actor.id().value());
				}
				else {
					query.conditions.add("(" + alias + ".ownerId = :visibleOwner or " + alias + ".teamId = :visibleTeam)");
					query.parameters.put("visibleOwner", actor.id().value());
					query.parameters.put("visibleTeam", actor.team().value());
				}
			}
			case OWN -> query.where(alias + ".ownerId = :visibleOwner", "visibleOwner", actor.id().value());
		}
		return query;
	}

	CommerceListQuery where(String condition, String parameter, Object value) {
		if (value != null) {
			conditions.add(condition);
			parameters.put(parameter, value);
		}
		return this;
	}

	/** Adds a case-insensitive prefix match over the given paths, any of which may match. */
	CommerceListQuery startingWith(String text, String... paths) {
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

	private String whereClause() {
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	<T> ResultPage<T> page(EntityManager em, Class<T> type, String orderBy, int page, int size) {
		String select = "select " + alias + " from " + entity + " " + alias + whereClause() + " order by " + orderBy;
		TypedQuery<T> query = em.createQuery(select, type);
		parameters.forEach(query::setParameter);
		query.setFirstResult(page * size);
		query.setMaxResults(size + 1);
		List<T> rows = query.getResultList();
		boolean hasNext = rows.size() > size;
		List<T> items = hasNext ? rows.subList(0, size) : rows;
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
		String count = "select count(*) from (select " + alias + ".id as id from " + entity + " " + alias
				+ whereClause() + " order by " + orderBy + " limit " + (COUNT_LIMIT + 1) + ") matches";
		TypedQuery<Long> query = em.createQuery(count, Long.class);
		parameters.forEach(query::setParameter);
		return query.getSingleResult();
	}
}
