package org.rapport.identity;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The user on whose behalf a request runs, with what the visibility rule needs to know about them.
 */
public record Actor(UserId id, String displayName, TeamId team, Set<Role> roles, VisibilityScope scope,
		ZoneId zone, Locale locale) {

	public Actor {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(scope, "scope");
		roles = Set.copyOf(roles);
		zone = zone == null ? ZoneId.of("UTC") : zone;
		locale = locale == null ? Locale.ENGLISH : locale;
	}

	/** The same actor speaking another language, such as the one the user's pages are shown in right now. */
	public Actor inLocale(Locale other) {
		return new Actor(id, displayName, team, roles, scope, zone, other);
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}

	public boolean isManager() {
		return roles.contains(Role.MANAGER);
	}

	/** Whether this actor may see a record with the given owner and team. */
	public boolean canSee(UserId owner, TeamId recordTeam) {
		return switch (scope) {
			case ALL -> true;
			case TEAM -> id.equals(owner) || (team != null && team.equals(recordTeam));
			case OWN -> id.equals(owner);
		};
	}

	/** Whether this actor may delete or hand over a record: its owner, a manager of its team, or an admin. */
	public boolean canManage(UserId owner, TeamId recordTeam) {
		return isAdmin() || id.equals(owner) || (isManager() && team != null && team.equals(recordTeam));
	}
}
