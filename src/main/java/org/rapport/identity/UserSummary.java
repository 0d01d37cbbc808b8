package org.rapport.identity;

/**
 * What other modules may know of a user.
 */
public record UserSummary(UserId id, String username, String displayName, TeamId team, boolean active) {
}
