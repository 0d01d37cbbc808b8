package org.rapport.customers;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a contact, by which other modules refer to it.
 */
public record ContactId(UUID value) {

	/** What contacts are called where records of several kinds meet, such as the global search. */
	public static final String TYPE = "contact";

	public ContactId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
