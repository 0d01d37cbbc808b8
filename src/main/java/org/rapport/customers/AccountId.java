package org.rapport.customers;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an account, by which other modules refer to it.
 */
public record AccountId(UUID value) {

	/** What accounts are called where records of several kinds meet, such as the global search. */
	public static final String TYPE = "account";

	public AccountId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
