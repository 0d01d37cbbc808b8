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

	/**
	 * The records this actor sees, as their scope has it: every record; their own and their team's (their own only
	 * while they have no team); or their own.
	 */
	public Visibility visibility() {
		return switch (scope) {
			case ALL -> Visibility.everything();
			case TEAM -> Visibility.ownerOrTeam(id, team);
			case OWN -> Visibility.owner(id);
		};
	}

	/** Whether this actor may see a record with the given owner and team. */
	public boolean canSee(UserId owner, TeamId recordTeam) {
		return visibility().allows(owner, recordTeam);
	}

	/** Whether this actor may delete or hand over a record: its owner, a manager of its team, or an admin. */
	public boolean canManage(UserId owner, TeamId recordTeam) {
		Visibility managed = isAdmin() ? Visibility.everything()
				: isManager() ? Visibility.ownerOrTeam(id, team) : Visibility.owner(id);
		return managed.allows(owner, recordTeam);
	}

	/**
	 * Whether this actor may merge a record with another, which deletes one of them: administrators, and managers
	 * who may manage it.
	 */
	public boolean canMerge(UserId owner, TeamId recordTeam) {
		return isAdmin() || (isManager() && canManage(owner, recordTeam));
	}
}
