package org.rapport.identity;

public record TeamSummary(TeamId id, String name) {
}
