package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportableKind;
import org.springframework.stereotype.Component;

/**
 * The columns a file column may be mapped to: the built-in ones of the kind of record and its active custom
 * fields, which map under {@code cf.<key>} and are named by their key or either label.
 */
@Component
public class ImportFields {

	private final CustomFields customFields;

	ImportFields(CustomFields customFields) {
		this.customFields = customFields;
	}

	public List<ImportColumn> of(ImportableKind<?> kind, Locale locale) {
		List<ImportColumn> columns = new ArrayList<>(kind.columns());
		for (CustomField field : customFields.active(kind.customFieldsEntity())) {
			List<String> headers = new ArrayList<>();
			headers.add(field.key());
			headers.add(CustomFields.PARAM_PREFIX + field.key());
			headers.add(field.labelEn());
			if (field.labelZh() != null) {
				headers.add(field.labelZh());
			}
			columns.add(new ImportColumn(CustomFields.PARAM_PREFIX + field.key(), ImportColumn.Type.CUSTOM, false,
					4000, field.options(), null, headers, field.label(locale), null));
		}
		return columns;
	}

	Optional<ImportColumn> field(ImportableKind<?> kind, String key, Locale locale) {
		if (key != null && key.startsWith(CustomFields.PARAM_PREFIX)) {
			return of(kind, locale).stream().filter(f -> f.key().equals(key)).findFirst();
		}
		return kind.column(key);
	}

	/** The keys of the columns that hold numbers: amounts, whole numbers and numeric custom fields. */
	Set<String> numericKeys(ImportableKind<?> kind) {
		Set<String> keys = new HashSet<>();
		kind.columns().stream()
			.filter(c -> c.type() == Type.AMOUNT || c.type() == Type.QUANTITY || c.type() == Type.PERCENT
					|| c.type() == Type.DAYS)
			.forEach(c -> keys.add(c.key()));
		customFields.active(kind.customFieldsEntity()).stream()
			.filter(f -> f.type().isNumeric())
			.forEach(f -> keys.add(f.param()));
		return keys;
	}

	/** The keys of the columns that hold amounts of money. */
	public Set<String> amountKeys(ImportableKind<?> kind) {
		Set<String> keys = new HashSet<>();
		kind.columns().stream().filter(c -> c.type() == Type.AMOUNT).forEach(c -> keys.add(c.key()));
		return keys;
	}

	/** The keys of the columns that hold dates, built-in and custom (dates and date-times). */
	Set<String> dateKeys(ImportableKind<?> kind) {
		Set<String> keys = new HashSet<>();
		kind.columns().stream()
			.filter(c -> c.type() == Type.DATE || c.type() == Type.DATE_TIME)
			.forEach(c -> keys.add(c.key()));
		customFields.active(kind.customFieldsEntity()).stream()
			.filter(f -> f.type() == FieldType.DATE || f.type() == FieldType.DATE_TIME)
			.forEach(f -> keys.add(f.param()));
		return keys;
	}
}
