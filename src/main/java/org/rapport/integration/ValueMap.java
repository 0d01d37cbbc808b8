package org.rapport.integration;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a file's values that name none of a column's choices stand for, as the user said: by column key, each file
 * value with the choice it stands for, or empty to leave the value out. The file's values compare loosely, as
 * choices do ({@link ChoiceNames}); a value the map names is read as its choice before the cell is read, so the map
 * also overrides a choice a value would name by itself.
 */
public final class ValueMap {

	/** No values mapped. */
	public static final ValueMap NONE = new ValueMap(Map.of());

	private final Map<String, Map<String, String>> byColumn;

	/** By column, by the loose key of the file's value: the choice, or empty. */
	private final Map<String, Map<String, String>> byKey = new HashMap<>();

	/** The map of column key to file value to choice code or empty; blank file values are left out. */
	public ValueMap(Map<String, Map<String, String>> byColumn) {
		Map<String, Map<String, String>> copy = new LinkedHashMap<>();
		byColumn.forEach((column, values) -> {
			Map<String, String> kept = new LinkedHashMap<>();
			Map<String, String> keyed = new HashMap<>();
			values.forEach((value, choice) -> {
				String key = ChoiceNames.key(value);
				if (!key.isEmpty()) {
					String target = choice == null ? "" : choice.strip();
					kept.put(value.strip(), target);
					keyed.put(key, target);
				}
			});
			if (!kept.isEmpty()) {
				copy.put(column, Collections.unmodifiableMap(kept));
				byKey.put(column, keyed);
			}
		});
		this.byColumn = Collections.unmodifiableMap(copy);
	}

	/** The choice the user gave the file's value in this column, empty to leave it out, or null when none. */
	public String target(String column, String value) {
		Map<String, String> values = byKey.get(column);
		return values == null ? null : values.get(ChoiceNames.key(value));
	}

	/** The file values mapped in a column, with their choices. */
	public Map<String, String> of(String column) {
		return byColumn.getOrDefault(column, Map.of());
	}

	/** Column key to file value to choice code or empty, to keep and to show. */
	public Map<String, Map<String, String>> asMap() {
		return byColumn;
	}

	public boolean isEmpty() {
		return byColumn.isEmpty();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ValueMap map && map.byColumn.equals(byColumn);
	}

	@Override
	public int hashCode() {
		return byColumn.hashCode();
	}

	@Override
	public String toString() {
		return byColumn.toString();
	}
}
