package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record ContractId(UUID value) {

	public ContractId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
