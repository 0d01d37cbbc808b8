package org.rapport.sales;

import java.util.Objects;
import java.util.UUID;

public record ContractId(UUID value) {

	/** What contracts are called where records of several kinds meet, such as the global search. */
	public static final String TYPE = "contract";

	public ContractId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
