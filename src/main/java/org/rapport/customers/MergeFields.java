package org.rapport.customers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.rapport.shared.InvalidField;

/**
 * The fields of a record that a merge chooses between, each named as the API names it: the survivor takes, per
 * field, its own value or the merged record's. A field added to a record (a custom field, say) is one more entry.
 */
public final class MergeFields<R> {

	/** Whose value a field keeps. */
	public enum Side {
		SURVIVOR, MERGED;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * A field a merge chooses: its name, its label's message key, how the pages show it ({@code enumPrefix} names
	 * the message keys of an enum's values, {@code user} marks a user's id), and how to read it.
	 */
	public record Field<R>(String name, String labelKey, String enumPrefix, boolean user, Function<R, Object> value) {

		public static <R> Field<R> text(String name, String labelKey, Function<R, Object> value) {
			return new Field<>(name, labelKey, null, false, value);
		}

		public static <R> Field<R> choice(String name, String labelKey, String enumPrefix, Function<R, Object> value) {
			return new Field<>(name, labelKey, enumPrefix, false, value);
		}

		public static <R> Field<R> owner(Function<R, Object> value) {
			return new Field<>("owner", "field.owner", null, true, value);
		}

		/** The field's value in the record, {@code null} when empty. */
		public Object of(R record) {
			Object found = value.apply(record);
			return found instanceof String text && text.isBlank() ? null : found;
		}
	}

	private final List<Field<R>> fields;

	private MergeFields(List<Field<R>> fields) {
		this.fields = List.copyOf(fields);
	}

	@SafeVarargs
	public static <R> MergeFields<R> of(Field<R>... fields) {
		return new MergeFields<>(List.of(fields));
	}

	public List<Field<R>> fields() {
		return fields;
	}

	/**
	 * Whose value each field keeps: the one asked for ({@code survivor} or {@code merged}), else the survivor's,
	 * or the merged record's where the survivor's is empty. An unknown field or side is refused, naming it.
	 */
	public Map<String, Side> choose(R survivor, R merged, Map<String, String> asked) {
		Map<String, String> wanted = asked == null ? Map.of() : asked;
		for (Map.Entry<String, String> entry : wanted.entrySet()) {
			if (fields.stream().noneMatch(f -> f.name().equals(entry.getKey()))) {
				throw new InvalidField("fields." + entry.getKey(), "validation.merge.field",
						"No field " + entry.getKey() + " to choose in a merge");
			}
			if (entry.getValue() != null && side(entry.getValue()) == null) {
				throw new InvalidField("fields." + entry.getKey(), "validation.merge.side",
						"Choose survivor or merged for " + entry.getKey());
			}
		}
		Map<String, Side> chosen = new LinkedHashMap<>();
		for (Field<R> field : fields) {
			Side side = side(wanted.get(field.name()));
			if (side == null) {
				side = field.of(survivor) == null && field.of(merged) != null ? Side.MERGED : Side.SURVIVOR;
			}
			chosen.put(field.name(), side);
		}
		return chosen;
	}

	/** The record whose value the field keeps. */
	public static <R> R pick(Map<String, Side> chosen, String field, R survivor, R merged) {
		return chosen.get(Objects.requireNonNull(field)) == Side.MERGED ? merged : survivor;
	}

	/** The record's values as text, for the merge log. */
	public Map<String, String> values(R record) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Field<R> field : fields) {
			Object value = field.of(record);
			if (value != null) {
				values.put(field.name(), value.toString());
			}
		}
		return values;
	}

	/** The choices as the merge log keeps them. */
	public static Map<String, String> asText(Map<String, Side> chosen) {
		Map<String, String> text = new LinkedHashMap<>();
		chosen.forEach((field, side) -> text.put(field, side.key()));
		return text;
	}

	private static Side side(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (Side side : Side.values()) {
			if (side.key().equalsIgnoreCase(value.strip())) {
				return side;
			}
		}
		return null;
	}

	/**
	 * The custom field values the survivor of a merge keeps: its own, and the merged record's where it has none (the
	 * rule the merge form proposes for the standard fields).
	 */
	public static java.util.Map<String, Object> customFields(org.rapport.shared.BusinessRecord<?> survivor,
			org.rapport.shared.BusinessRecord<?> merged) {
		java.util.Map<String, Object> kept = new java.util.LinkedHashMap<>(merged.getCustomFields());
		kept.putAll(survivor.getCustomFields());
		return kept;
	}

	/** The merged record's values for the merge log, its custom field values added as {@code cf.<key>}. */
	public static java.util.Map<String, String> withCustomFields(java.util.Map<String, String> values,
			org.rapport.shared.BusinessRecord<?> merged) {
		java.util.Map<String, String> all = new java.util.LinkedHashMap<>(values);
		merged.getCustomFields().forEach((key, value) -> all.put("cf." + key, String.valueOf(value)));
		return all;
	}
}
