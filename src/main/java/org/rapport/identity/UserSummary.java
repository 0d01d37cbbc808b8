package org.rapport.identity;

/**
 * What other modules may know of a user; {@code email} may be null.
 */
public record UserSummary(UserId id, String username, String displayName, TeamId team, boolean active,
		String email) {

	/** A user known without an e-mail address. */
	public UserSummary(UserId id, String username, String displayName, TeamId team, boolean active) {
		this(id, username, displayName, team, active, null);
	}
}
