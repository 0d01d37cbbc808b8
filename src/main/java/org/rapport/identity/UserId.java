package org.rapport.identity;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a user, by which records of other modules name their owner and who changed them.
 */
public record UserId(UUID value) {

	public UserId {
		Objects.requireNonNull(value, "value");
	}

	public static UserId of(String value) {
		return new UserId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
