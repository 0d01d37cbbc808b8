package org.rapport.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a team, by which records of other modules name the team they belong to.
 */
public record TeamId(UUID value) {

	public TeamId {
		Objects.requireNonNull(value, "value");
	}

	public static TeamId of(String value) {
		return new TeamId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
