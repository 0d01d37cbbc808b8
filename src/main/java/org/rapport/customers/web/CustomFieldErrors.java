package org.rapport.customers.web;

import org.rapport.customization.CustomFieldForm;
import org.rapport.shared.InvalidField;
import org.springframework.validation.BindingResult;

/**
 * Shows a domain check's refusal at its field in a customer form, which may be one of the custom fields.
 */
final class CustomFieldErrors {

	private CustomFieldErrors() {
	}

	static CustomFieldForm reject(BindingResult errors, CustomFieldForm form, InvalidField invalid) {
		if (CustomFieldForm.concerns(invalid.field())) {
			return form.withError(invalid.field(), invalid.messageKey());
		}
		errors.rejectValue(invalid.field(), invalid.messageKey());
		return form;
	}
}
