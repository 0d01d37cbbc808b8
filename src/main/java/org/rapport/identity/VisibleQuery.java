package org.rapport.identity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.rapport.shared.ResultPage;

/**
 * Builds the HQL of a filtered, sorted, paginated list over one entity of business records (with
 * {@code ownerId} and {@code teamId}), with the actor's {@link Visibility} always rendered into the where clause.
 * Each list fetches one page plus one row (to know whether more follow) and counts at most
 * {@link #COUNT_LIMIT} matches, so a page costs the same whatever the table holds.
 */
public final class VisibleQuery {

	public static final int COUNT_LIMIT = 10_000;

	private final String entity;
	private final String alias;
	private final List<String> conditions = new ArrayList<>();
	/** Where the visibility rule is an "own or team's" disjunction: the index of that condition, else -1. */
	private int teamRule = -1;
	private final Map<String, Object> parameters = new LinkedHashMap<>();

	/** A list that everybody sees whole, such as the product catalogue. */
	public static VisibleQuery unrestricted(String entity, String alias) {
		return new VisibleQuery(entity, alias, Visibility.everything());
	}

	/** A list of the records the actor sees. */
	public VisibleQuery(String entity, String alias, Actor actor) {
		this(entity, alias, actor.visibility());
	}

	/** A list of the records the visibility allows. */
	public VisibleQuery(String entity, String alias, Visibility visibility) {
		this.entity = entity;
		this.alias = alias;
		String condition = visibility.render(new Hql());
		if (condition != null) {
			conditions.add(condition);
		}
	}

	/** Renders the visibility as a condition on the alias's {@code ownerId} and {@code teamId}, or none. */
	private final class Hql implements Visibility.Renderer<String> {

		@Override
		public String everything() {
			return null;
		}

		@Override
		public String owner(UserId owner) {
			parameters.put("visibleOwner", owner.value());
			return alias + ".ownerId = :visibleOwner";
		}

		@Override
		public String ownerOrTeam(UserId owner, TeamId team) {
			parameters.put("visibleOwner", owner.value());
			parameters.put("visibleTeam", team.value());
			teamRule = conditions.size();
			return "(" + alias + ".ownerId = :visibleOwner or " + alias + ".teamId = :visibleTeam)";
		}
	}

	/** Adds a condition without a parameter. */
	public VisibleQuery where(String condition) {
		conditions.add(condition);
		return this;
	}

	public VisibleQuery where(String condition, String parameter, Object value) {
		if (value != null) {
			conditions.add(condition);
			parameters.put(parameter, value);
		}
		return this;
	}

	/** Adds a case-insensitive prefix match over the given paths, any of which may match. */
	public VisibleQuery startingWith(String text, String... paths) {
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

	public String whereClause() {
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	public <T> ResultPage<T> page(EntityManager em, Class<T> type, String fetch, String orderBy, int page, int size) {
		String select = "select " + alias + " from " + entity + " " + alias + (fetch == null ? "" : " " + fetch)
				+ whereClause() + " order by " + orderBy;
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

	/** The first matches in the given order, at most {@code limit} of them, without counting the rest. */
	public <T> List<T> list(EntityManager em, Class<T> type, String fetch, String orderBy, int limit) {
		String select = "select " + alias + " from " + entity + " " + alias + (fetch == null ? "" : " " + fetch)
				+ whereClause() + " order by " + orderBy;
		TypedQuery<T> query = em.createQuery(select, type);
		parameters.forEach(query::setParameter);
		return query.setMaxResults(limit).getResultList();
	}

	/**
	 * Counts up to one past the limit, walking the same index as the page itself. The "own or team's" rule is
	 * counted as two disjoint parts, the team's records and one's own in other teams, because a disjunction
	 * keeps the database from using an index for either side and makes it scan for the matches.
	 */
	private long count(EntityManager em, String orderBy) {
		if (teamRule < 0) {
			return countWhere(em, orderBy, whereClause());
		}
		String team = alias + ".teamId = :visibleTeam";
		String ownElsewhere = alias + ".ownerId = :visibleOwner and (" + alias + ".teamId <> :visibleTeam or " + alias
				+ ".teamId is null)";
		return countWhere(em, orderBy, whereClauseWith(team)) + countWhere(em, orderBy, whereClauseWith(ownElsewhere));
	}

	private String whereClauseWith(String visibility) {
		List<String> parts = new ArrayList<>(conditions);
		parts.set(teamRule, "(" + visibility + ")");
		return " where " + String.join(" and ", parts);
	}

	private long countWhere(EntityManager em, String orderBy, String where) {
		String count = "select count(*) from (select " + alias + ".id as id from " + entity + " " + alias + where
				+ " order by " + orderBy + " limit " + (COUNT_LIMIT + 1) + ") matches";
		TypedQuery<Long> query = em.createQuery(count, Long.class);
		parameters.forEach((name, value) -> {
			if (count.matches("(?s).*:" + name + "\\b.*")) {
				query.setParameter(name, value);
			}
		});
		return query.getSingleResult();
	}

	/**
	 * Hands every match to the action in list order, reading the rows as a stream and forgetting each once
	 * handled, so that an export of a million rows needs no more memory than one of ten. Runs inside the
	 * caller's transaction.
	 */
	public <T> void forEach(EntityManager em, Class<T> type, String fetch, String orderBy, Consumer<T> action) {
		String select = "select " + alias + " from " + entity + " " + alias + (fetch == null ? "" : " " + fetch)
				+ whereClause() + " order by " + orderBy;
		TypedQuery<T> query = em.createQuery(select, type);
		parameters.forEach(query::setParameter);
		query.setHint("org.hibernate.fetchSize", 500);
		query.setHint("org.hibernate.readOnly", true);
		try (Stream<T> rows = query.getResultStream()) {
			rows.forEach(row -> {
				action.accept(row);
				em.detach(row);
			});
		}
	}

	public Map<String, Object> parameters() {
		return parameters;
	}
}
