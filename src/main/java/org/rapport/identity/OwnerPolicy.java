package org.rapport.identity;

/**
 * Who may give a record to whom, the same for forms, the API, imports and merges: administrators give any record
 * to any active user and team; everybody else keeps a record with themselves or hands it to a user of their own
 * team, and the record's team is their own. Keeping a record's owner and team as they are is always allowed.
 */
public final class OwnerPolicy {

	/** What a refused hand-over names: the owner or the team. */
	public enum Refusal {
		OWNER, TEAM
	}

	private OwnerPolicy() {
	}

	/**
	 * Why the actor may not make {@code owner} (whose own team is {@code ownersTeam}) the owner of a record in
	 * {@code team}, or {@code null} when they may.
	 */
	public static Refusal check(Actor actor, UserId owner, TeamId ownersTeam, TeamId team) {
		if (actor.isAdmin()) {
			return null;
		}
		boolean sameTeam = actor.team() != null && actor.team().equals(ownersTeam);
		if (!owner.equals(actor.id()) && !sameTeam) {
			return Refusal.OWNER;
		}
		if (team != null && !team.equals(actor.team())) {
			return Refusal.TEAM;
		}
		return null;
	}
}
