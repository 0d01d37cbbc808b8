package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record LeadId(UUID value) {

	/** What leads are called where records of several kinds meet, such as the global search. */
	public static final String TYPE = "lead";

	public LeadId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
