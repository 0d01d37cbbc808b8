package org.rapport.support.web;

import java.util.List;
import java.util.Map;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldInput;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.support.internal.CaseBook;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;

/**
 * The custom fields of the case pages: the list's custom-field filters and columns, the form's inputs, and what a
 * submitted form holds.
 */
@Component
class SupportCustomFields {

	private final CustomFields customFields;

	SupportCustomFields(CustomFields customFields) {
		this.customFields = customFields;
	}

	CustomFieldQuery query(MultiValueMap<String, String> params) {
		return CustomFieldQuery.of(customFields.active(CaseBook.ENTITY), params);
	}

	CustomFieldForm blank() {
		return CustomFieldForm.blank(customFields.active(CaseBook.ENTITY));
	}

	CustomFieldForm of(BusinessRecord<?> record, Actor actor) {
		return CustomFieldForm.of(customFields.active(CaseBook.ENTITY), record.getCustomFields(), actor.zone());
	}

	Submitted submitted(MultiValueMap<String, String> params, Actor actor) {
		List<CustomField> fields = customFields.active(CaseBook.ENTITY);
		Map<String, String> text = CustomFieldForm.textFrom(params);
		CustomFieldInput input = customFields.read(CaseBook.ENTITY, text, actor.zone());
		return new Submitted(CustomFieldForm.submitted(fields, text, input.errors()), input);
	}

	/** Shows a domain check's refusal at its field, which may be a custom field; answers the form to show again. */
	static CustomFieldForm reject(BindingResult errors, CustomFieldForm form, InvalidField invalid) {
		if (CustomFieldForm.concerns(invalid.field())) {
			return form.withError(invalid.field(), invalid.messageKey());
		}
		errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(), invalid.getDefaultMessage());
		return form;
	}

	/** A submitted form's custom fields: the inputs to show again and the values read. */
	record Submitted(CustomFieldForm form, CustomFieldInput input) {

		boolean hasErrors() {
			return input.hasErrors();
		}

		Map<String, Object> values() {
			return input.values();
		}
	}
}
