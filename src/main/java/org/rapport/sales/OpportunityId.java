package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record OpportunityId(UUID value) {

	/** What opportunities are called where records of several kinds meet, such as the global search. */
	public static final String TYPE = "opportunity";

	public OpportunityId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
