package org.rapport.support;

import java.util.Objects;
import java.util.UUID;

/** The identity of a support case, as other modules refer to it. */
public record CaseId(UUID value) {

	/** What cases are called where records of several kinds meet, such as the global search and the timeline. */
	public static final String TYPE = "case";

	public CaseId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
