package org.rapport.sales.web;

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
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;

/**
 * The custom fields of the sales pages: a list's custom-field filters, a form's inputs for a new or an existing
 * record, and what a submitted form holds.
 */
@Component
public class SalesCustomFields {

	private final CustomFields customFields;

	SalesCustomFields(CustomFields customFields) {
		this.customFields = customFields;
	}

	/** The custom-field filters, columns and sort of a list request. */
	public CustomFieldQuery query(String entity, MultiValueMap<String, String> params) {
		return CustomFieldQuery.of(customFields.active(entity), params);
	}

	/** The inputs of a new record's form, each showing its default. */
	public CustomFieldForm blank(String entity) {
		return CustomFieldForm.blank(customFields.active(entity));
	}

	/** The inputs of a record's form, showing its values in the user's time zone. */
	public CustomFieldForm of(String entity, BusinessRecord<?> record, Actor actor) {
		return CustomFieldForm.of(customFields.active(entity), record.getCustomFields(), actor.zone());
	}

	/** Reads the custom fields of a submitted form. */
	public Submitted submitted(String entity, MultiValueMap<String, String> params, Actor actor) {
		List<CustomField> fields = customFields.active(entity);
		Map<String, String> text = CustomFieldForm.textFrom(params);
		CustomFieldInput input = customFields.read(entity, text, actor.zone());
		return new Submitted(CustomFieldForm.submitted(fields, text, input.errors()), input);
	}

	/**
	 * Shows a domain check's refusal at its field, which may be a custom field; answers the form to show again.
	 */
	public static CustomFieldForm reject(BindingResult errors, CustomFieldForm form, InvalidField invalid) {
		if (CustomFieldForm.concerns(invalid.field())) {
			return form.withError(invalid.field(), invalid.messageKey());
		}
		errors.rejectValue(invalid.field(), invalid.messageKey());
		return form;
	}

	/**
	 * A submitted form's custom fields: the inputs to show again (with the errors of those that could not be
	 * read) and the values read.
	 */
	public record Submitted(CustomFieldForm form, CustomFieldInput input) {

		public boolean hasErrors() {
			return input.hasErrors();
		}

		public Map<String, Object> values() {
			return input.values();
		}
	}
}
