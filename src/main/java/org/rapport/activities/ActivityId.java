package org.rapport.activities;

import java.util.Objects;
import java.util.UUID;

/** Identifies an activity. */
public record ActivityId(UUID value) {

	/** What a {@link org.rapport.shared.RecordRef} and the search call an activity. */
	public static final String TYPE = "activity";

	public ActivityId {
		Objects.requireNonNull(value, "value");
	}
}
