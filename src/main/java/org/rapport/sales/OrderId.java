package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record OrderId(UUID value) {

	/** What orders are called where records of several kinds meet, such as the global search. */
	public static final String TYPE = "order";

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
