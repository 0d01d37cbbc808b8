package org.rapport.identity;

/**
 * What other modules may know of a team: its id and its name, for choices and labels.
 */
public record TeamSummary(TeamId id, String name) {
}
