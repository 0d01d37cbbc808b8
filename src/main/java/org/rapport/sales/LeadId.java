package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record LeadId(UUID value) {

	public LeadId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
