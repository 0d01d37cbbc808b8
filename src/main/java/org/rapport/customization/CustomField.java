package org.rapport.customization;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A field that an administrator added to a kind of record.
 *
 * @param id the definition's id
 * @param entity the kind of record: {@code account}, {@code contact}, {@code lead}, {@code opportunity},
 * {@code product}, {@code order} or {@code contract}
 * @param key the name under which records and the API keep its value, such as {@code tier}
 * @param type what it holds
 * @param labelEn its label in English
 * @param labelZh its label in Chinese, or {@code null} to use the English one
 * @param helpEn a help text in English, or {@code null}
 * @param helpZh a help text in Chinese, or {@code null}
 * @param required whether a record needs a value
 * @param defaultValue the text that new records start with, or {@code null}
 * @param options the choices of a pick-list
 * @param currency the ISO currency of a currency amount, or {@code null}
 * @param position its place among the entity's fields, smaller first
 * @param retired whether it is retired: no longer offered, its values kept
 * @param version the definition's version, against lost updates
 */
public record CustomField(UUID id, String entity, String key, FieldType type, String labelEn, String labelZh,
		String helpEn, String helpZh, boolean required, String defaultValue, List<String> options, String currency,
		int position, boolean retired, long version) {

	public CustomField {
		options = options == null ? List.of() : List.copyOf(options);
	}

	/** The label in the given language. */
	public String label(Locale locale) {
		return chinese(locale) && labelZh != null && !labelZh.isBlank() ? labelZh : labelEn;
	}

	/** The help text in the given language, or {@code null}. */
	public String help(Locale locale) {
		return chinese(locale) && helpZh != null && !helpZh.isBlank() ? helpZh : helpEn;
	}

	/** The request parameter and list column name of the field: {@code cf.<key>}. */
	public String param() {
		return CustomFields.PARAM_PREFIX + key;
	}

	private static boolean chinese(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage());
	}
}
