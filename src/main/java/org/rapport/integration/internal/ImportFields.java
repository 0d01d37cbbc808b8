package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFields;
import org.springframework.stereotype.Component;

/**
 * The fields a column may be mapped to: the built-in ones of the kind of record and its active custom fields,
 * which map under {@code cf.<key>} and are named by their key or either label.
 */
@Component
public class ImportFields {

	private final CustomFields customFields;

	ImportFields(CustomFields customFields) {
		this.customFields = customFields;
	}

	public List<FieldSpec> of(ImportEntity entity, Locale locale) {
		List<FieldSpec> fields = new ArrayList<>(entity.fields());
		for (CustomField field : customFields.active(entity.customFieldsEntity())) {
			List<String> headers = new ArrayList<>();
			headers.add(field.key());
			headers.add(CustomFields.PARAM_PREFIX + field.key());
			headers.add(field.labelEn());
			if (field.labelZh() != null) {
				headers.add(field.labelZh());
			}
			fields.add(new FieldSpec(CustomFields.PARAM_PREFIX + field.key(), FieldSpec.Type.CUSTOM, false, 4000,
					field.options(), headers, field.label(locale)));
		}
		return fields;
	}

	Optional<FieldSpec> field(ImportEntity entity, String key, Locale locale) {
		if (key != null && key.startsWith(CustomFields.PARAM_PREFIX)) {
			return of(entity, locale).stream().filter(f -> f.key().equals(key)).findFirst();
		}
		return entity.field(key);
	}

	Map<Integer, String> guessMapping(ImportEntity entity, List<String> headers) {
		return ImportEntity.guessMapping(of(entity, Locale.ENGLISH), headers);
	}
}
