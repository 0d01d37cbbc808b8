package org.rapport.customization;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Custom field values read from text, with a message key per field that could not be read.
 *
 * @param values the values read, by field key, in their stored form; {@code null} where the text was empty
 * @param errors message keys by field key
 */
public record CustomFieldInput(Map<String, Object> values, Map<String, String> errors) {

	public CustomFieldInput {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		errors = Map.copyOf(errors);
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}
}
