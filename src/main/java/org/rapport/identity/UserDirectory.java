package org.rapport.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up users and teams for other modules: names to show beside records, choices for owner fields.
 */
public interface UserDirectory {

	/** Display names of the given users, in one query. */
	Map<UserId, String> displayNames(Collection<UserId> ids);

	/** Names of the given teams, in one query. */
	Map<TeamId, String> teamNames(Collection<TeamId> ids);

	/** Active users, by display name. */
	List<UserSummary> activeUsers();

	/** All teams, by name. */
	List<TeamSummary> teams();

	/** A user by id. */
	Optional<UserSummary> find(UserId id);

	/** An active user by username, ignoring case. */
	Optional<UserSummary> findActiveByUsername(String username);

	/** The active administrator who has been a user longest, for work that nobody in particular was given. */
	Optional<UserSummary> firstActiveAdministrator();

	/**
	 * The active user as an actor, with their roles, visibility, time zone and language: for work done for them
	 * without a request of theirs, such as a reminder or an e-mail in their language.
	 */
	Optional<Actor> actorOf(UserId id);

	/** A team by id. */
	Optional<TeamSummary> findTeam(TeamId id);

	/** The active managers of a team, by display name: whom work of the team is escalated to. */
	List<UserSummary> managersOf(TeamId team);

	/**
	 * The team a record of this owner goes to: the one asked for, else the owner's own. Refuses an owner who is
	 * not an active user and a team that does not exist, naming the field ({@code ownerId}, {@code teamId}).
	 */
	TeamId teamForOwner(UserId owner, TeamId requested);

	/**
	 * The team of a record that the actor gives to {@code owner}, in the team asked for or else the owner's own,
	 * after the {@link OwnerPolicy}: refuses, naming the field, an owner or team that the actor may not choose.
	 * A record whose owner stays {@code currentOwner} and whose team stays {@code currentTeam} (or is not asked
	 * for) keeps its team; both are {@code null} for a new record.
	 */
	TeamId assign(Actor actor, UserId owner, TeamId requested, UserId currentOwner, TeamId currentTeam);
}
