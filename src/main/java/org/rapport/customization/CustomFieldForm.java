package org.rapport.customization;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The custom fields of a form: the fields, the text in each input and the message key of each field's error. Inputs
 * are named {@code cf.<key>}; a hidden {@code _cf.<key>} marks each field the form showed, so that an unticked box or
 * an emptied multi-pick-list counts as given.
 */
public record CustomFieldForm(List<CustomField> fields, Map<String, String> text, Map<String, String> errors) {

	private static final String FIELD_PREFIX = "customFields.";

	private static final String MARKER = "_" + CustomFields.PARAM_PREFIX;

	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	public CustomFieldForm {
		fields = List.copyOf(fields);
		text = Collections.unmodifiableMap(new LinkedHashMap<>(text));
		errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/** A form for a new record: each field shows its default. */
	public static CustomFieldForm blank(List<CustomField> fields) {
		Map<String, String> text = new LinkedHashMap<>();
		fields.forEach(field -> text.put(field.key(), field.defaultValue() == null ? "" : field.defaultValue()));
		return new CustomFieldForm(fields, text, Map.of());
	}

	/** A form showing a record's values; date-times in the user's zone. */
	public static CustomFieldForm of(List<CustomField> fields, Map<String, Object> values, ZoneId zone) {
		Map<String, String> text = new LinkedHashMap<>();
		for (CustomField field : fields) {
			Object value = values.get(field.key());
			text.put(field.key(), inputText(field, value, zone));
		}
		return new CustomFieldForm(fields, text, Map.of());
	}

	/** The form as submitted, with the errors of the fields that could not be read. */
	public static CustomFieldForm submitted(List<CustomField> fields, Map<String, String> text,
			Map<String, String> errors) {
		return new CustomFieldForm(fields, text, errors);
	}

	/** The text of each custom field that a request names, by key; several values of one field joined by {@code ;}. */
	public static Map<String, String> textFrom(Map<String, ? extends Collection<String>> params) {
		Map<String, String> text = new LinkedHashMap<>();
		params.forEach((name, values) -> {
			if (name.startsWith(MARKER)) {
				text.putIfAbsent(name.substring(MARKER.length()), "");
			}
		});
		params.forEach((name, values) -> {
			if (name.startsWith(CustomFields.PARAM_PREFIX)) {
				text.put(name.substring(CustomFields.PARAM_PREFIX.length()),
						String.join(";", values.stream().filter(v -> v != null && !v.isBlank()).toList()));
			}
		});
		return text;
	}

	/** Whether an error of a record's check names a custom field ({@code customFields.<key>}). */
	public static boolean concerns(String field) {
		return field != null && field.startsWith(FIELD_PREFIX);
	}

	/** The form with one more error, of a field named as {@code customFields.<key>}. */
	public CustomFieldForm withError(String field, String messageKey) {
		Map<String, String> more = new LinkedHashMap<>(errors);
		more.put(field.startsWith(FIELD_PREFIX) ? field.substring(FIELD_PREFIX.length()) : field, messageKey);
		return new CustomFieldForm(fields, text, more);
	}

	public String value(CustomField field) {
		return text.getOrDefault(field.key(), "");
	}

	/** Whether a pick-list option or a checkbox is chosen in the form. */
	public boolean chosen(CustomField field, String option) {
		String value = value(field);
		if (field.type() == FieldType.CHECKBOX) {
			return List.of("true", "yes", "1", "on").contains(value.toLowerCase(java.util.Locale.ROOT));
		}
		for (String part : value.split(";")) {
			if (part.strip().equalsIgnoreCase(option)) {
				return true;
			}
		}
		return false;
	}

	public String error(CustomField field) {
		return errors.get(field.key());
	}

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	private static String inputText(CustomField field, Object value, ZoneId zone) {
		if (value == null) {
			return "";
		}
		if (value instanceof Collection<?> items) {
			return String.join(";", items.stream().map(String::valueOf).toList());
		}
		if (field.type() == FieldType.DATE_TIME) {
			try {
				return LOCAL_INPUT.withZone(zone).format(Instant.parse(value.toString()));
			}
			catch (java.time.format.DateTimeParseException notAnInstant) {
				return value.toString();
			}
		}
		if (value instanceof Double || value instanceof Float) {
			return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}
}
