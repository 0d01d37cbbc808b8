package org.rapport.identity;

import java.util.Objects;
import java.util.UUID;

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
