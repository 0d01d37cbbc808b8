package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record ProductId(UUID value) {

	/** What products are called where records of several kinds meet, such as the global search. */
	public static final String TYPE = "product";

	public ProductId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
