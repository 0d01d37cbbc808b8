package org.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.identity.Visibility;
import org.rapport.identity.VisibleQuery;
import org.rapport.shared.ResultPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The actor's visibility as an SQL condition on a table of results per account, through the {@code owner_id} and
 * {@code team_id} that {@link AccountOwners} keeps there: no condition for those who see everything.
 *
 * @param condition the condition, starting with {@code and}, or empty
 * @param arguments its arguments in order
 */
public record VisibleAccounts(String condition, List<Object> arguments) {

	/** The condition for the actor on the table known by the alias (such as {@code v}). */
	public static VisibleAccounts of(Actor actor, String alias) {
		List<Object> arguments = new ArrayList<>();
		String condition = actor.visibility().render(new Visibility.Renderer<String>() {

			@Override
			public String everything() {
				return "";
			}

			@Override
			public String owner(UserId owner) {
				arguments.add(owner.value());
				return " and " + alias + ".owner_id = ?";
			}

			@Override
			public String ownerOrTeam(UserId owner, TeamId team) {
				arguments.add(owner.value());
				arguments.add(team.value());
				return " and (" + alias + ".owner_id = ? or " + alias + ".team_id = ?)";
			}
		});
		return new VisibleAccounts(condition, List.copyOf(arguments));
	}

	/**
	 * A page of a list of results per account that this visibility lets through, with its total counted up to
	 * {@link VisibleQuery#COUNT_LIMIT} as every list counts it: {@code from} is the query's {@code from} and
	 * {@code where} clauses without the visibility (their parameters {@code arguments}), {@code columns} what each row
	 * reads and {@code orderBy} the order, which an index should serve.
	 */
	public <T> ResultPage<T> page(JdbcTemplate jdbc, String columns, String from, List<?> arguments, String orderBy,
			RowMapper<T> rows, int page, int size) {
		List<Object> all = new ArrayList<>(arguments);
		all.addAll(this.arguments);
		String where = from + condition;
		List<T> read = jdbc.query("select " + columns + " " + where + " order by " + orderBy + " limit " + (size + 1)
				+ " offset " + ((long) page * size), rows, all.toArray());
		boolean hasNext = read.size() > size;
		List<T> items = hasNext ? read.subList(0, size) : read;
		long total;
		if (page == 0 && !hasNext) {
			total = items.size();
		}
		else {
			Long counted = jdbc.queryForObject("select count(*) from (select 1 as one " + where + " limit "
					+ (VisibleQuery.COUNT_LIMIT + 1) + ") matches", Long.class, all.toArray());
			total = counted == null ? 0 : counted;
		}
		return new ResultPage<>(items, page, size, hasNext, Math.min(total, VisibleQuery.COUNT_LIMIT),
				total > VisibleQuery.COUNT_LIMIT);
	}

	/** These arguments followed by the condition's, for a query whose condition comes after them. */
	public Object[] after(Object... before) {
		List<Object> all = new ArrayList<>(List.of(before));
		all.addAll(arguments);
		return all.toArray();
	}
}
