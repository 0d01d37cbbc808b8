package org.rapport.customers;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFields;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;

/**
 * The fields of a record that a merge chooses between, each named as the API names it: the survivor takes, per
 * field, its own value or the merged record's. Each active custom field is one more entry, named {@code cf.<key>}.
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
	 * the message keys of an enum's values, {@code user} marks a user's id, {@code custom} is the definition of a
	 * custom field, whose label and formatting come from it), and how to read it.
	 */
	public record Field<R>(String name, String labelKey, String enumPrefix, boolean user, CustomField custom,
			Function<R, Object> value) {

		public static <R> Field<R> text(String name, String labelKey, Function<R, Object> value) {
			return new Field<>(name, labelKey, null, false, null, value);
		}

		public static <R> Field<R> choice(String name, String labelKey, String enumPrefix, Function<R, Object> value) {
			return new Field<>(name, labelKey, enumPrefix, false, null, value);
		}

		public static <R> Field<R> owner(Function<R, Object> value) {
			return new Field<>("owner", "field.owner", null, true, null, value);
		}

		/** A custom field of the record, named {@code cf.<key>}, read from the record's custom field values. */
		public static <R extends BusinessRecord<?>> Field<R> custom(CustomField definition) {
			String key = definition.key();
			return new Field<>(definition.param(), null, null, false, definition, r -> r.getCustomFields().get(key));
		}

		/** The field's value in the record, {@code null} when empty. */
		public Object of(R record) {
			Object found = value.apply(record);
			if (found instanceof String text && text.isBlank()
					|| found instanceof Collection<?> items && items.isEmpty()) {
				return null;
			}
			return found;
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

	/**
	 * The standard fields followed by one per custom field given (the active ones of the record's kind, in their
	 * order); a retired field has none, its values are kept as {@link #customFields} says.
	 */
	public static <R extends BusinessRecord<?>> MergeFields<R> withCustomFields(MergeFields<R> standard,
			List<CustomField> definitions) {
		List<Field<R>> all = new java.util.ArrayList<>(standard.fields);
		definitions.forEach(definition -> all.add(Field.custom(definition)));
		return new MergeFields<>(all);
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
	 * The custom field values the survivor of a merge keeps: for each custom field chosen ({@code cf.<key>}) the
	 * chosen record's value, none where that record has none; for the others (retired fields) its own, and the
	 * merged record's where it has none.
	 */
	public static Map<String, Object> customFields(BusinessRecord<?> survivor, BusinessRecord<?> merged,
			Map<String, Side> chosen) {
		Map<String, Object> kept = new LinkedHashMap<>(merged.getCustomFields());
		kept.putAll(survivor.getCustomFields());
		chosen.forEach((name, side) -> {
			if (name.startsWith(CustomFields.PARAM_PREFIX)) {
				String key = name.substring(CustomFields.PARAM_PREFIX.length());
				Object value = (side == Side.MERGED ? merged : survivor).getCustomFields().get(key);
				if (value == null) {
					kept.remove(key);
				}
				else {
					kept.put(key, value);
				}
			}
		});
		return kept;
	}

	/**
	 * The merged record's values for the merge log, with every custom field value it holds (retired fields' too) as
	 * {@code cf.<key>}.
	 */
	public static Map<String, String> withCustomFields(Map<String, String> values, BusinessRecord<?> merged) {
		Map<String, String> all = new LinkedHashMap<>(values);
		merged.getCustomFields()
			.forEach((key, value) -> all.put(CustomFields.PARAM_PREFIX + key, String.valueOf(value)));
		return all;
	}
}
