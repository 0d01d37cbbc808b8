package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
