package org.rapport.customization.web;

import java.util.Arrays;
import java.util.List;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.FieldDefinition;
import org.rapport.customization.internal.FieldDefinition.FieldText;

/**
 * A custom field as the administrators' form and the API take it; the service checks it.
 *
 * @param options the options of a pick-list, one per line
 */
record FieldForm(String entity, String key, FieldType type, String labelEn, String labelZh, String helpEn,
		String helpZh, Boolean required, String defaultValue, String options, String currency, Long version) {

	static FieldForm empty(String entity) {
		return new FieldForm(entity, null, FieldType.TEXT, null, null, null, null, Boolean.FALSE, null, null, null, null);
	}

	static FieldForm of(FieldDefinition definition) {
		var field = definition.toField();
		return new FieldForm(field.entity(), field.key(), field.type(), field.labelEn(), field.labelZh(),
				field.helpEn(), field.helpZh(), field.required(), field.defaultValue(),
				String.join("\n", field.options()), field.currency(), field.version());
	}

	FieldText text() {
		List<String> optionList = options == null ? List.of() : Arrays.asList(options.split("\\R"));
		return new FieldText(labelEn, labelZh, helpEn, helpZh, Boolean.TRUE.equals(required), defaultValue, optionList, currency);
	}
}
