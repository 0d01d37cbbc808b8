package org.rapport.integration.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file row read into the values it will be stored with, keyed by field, and the reasons (per field, or
 * {@code ""} for the row) it cannot be stored, if any.
 */
public record ConvertedRow(long line, List<String> cells, Map<String, Object> values, Map<String, String> errors) {

	ConvertedRow(long line, List<String> cells) {
		this(line, cells, new LinkedHashMap<>(), new LinkedHashMap<>());
	}

	public boolean isValid() {
		return errors.isEmpty();
	}

	String text(String field) {
		Object value = values.get(field);
		return value == null ? null : value.toString();
	}

	void reject(String field, String reason) {
		errors.merge(field, reason, (a, b) -> a + "; " + b);
	}

	/** All reasons on one line, for the rejected-rows list. */
	public String reasons() {
		return String.join("; ", errors.values());
	}
}
