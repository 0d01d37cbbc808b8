package org.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import org.rapport.identity.Actor;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.identity.Visibility;

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

	/** These arguments followed by the condition's, for a query whose condition comes after them. */
	public Object[] after(Object... before) {
		List<Object> all = new ArrayList<>(List.of(before));
		all.addAll(arguments);
		return all.toArray();
	}
}
