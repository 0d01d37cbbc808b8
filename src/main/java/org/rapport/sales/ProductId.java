package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record ProductId(UUID value) {

	public ProductId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
