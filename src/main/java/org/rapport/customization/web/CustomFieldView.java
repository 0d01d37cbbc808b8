package org.rapport.customization.web;

import java.time.ZoneId;
import java.util.List;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.identity.CurrentActor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the templates need of custom fields: {@code ${@customFieldView.fields('account')}} for a detail page, and
 * {@code ${@customFieldView.text(field, value)}} for a value as the user reads it, in their language and time zone.
 */
@Component("customFieldView")
class CustomFieldView {

	private final CustomFields customFields;
	private final CurrentActor currentActor;
	private final MessageSource messages;

	CustomFieldView(CustomFields customFields, CurrentActor currentActor, MessageSource messages) {
		this.customFields = customFields;
		this.currentActor = currentActor;
		this.messages = messages;
	}

	public List<CustomField> fields(String entity) {
		return customFields.active(entity);
	}

	public String label(CustomField field) {
		return field.label(LocaleContextHolder.getLocale());
	}

	/**
	 * The label of the entity's field with this key, retired fields included, in the user's language; the key when
	 * there is no such field.
	 */
	public String label(String entity, String key) {
		return customFields.all(entity)
			.stream()
			.filter(field -> field.key().equals(key))
			.findFirst()
			.map(this::label)
			.orElse(key);
	}

	public String help(CustomField field) {
		return field.help(LocaleContextHolder.getLocale());
	}

	public String text(CustomField field, Object value) {
		return customFields.display(field, value, LocaleContextHolder.getLocale(), zone());
	}

	/** Where a value links to: a web address or an e-mail address; otherwise {@code null}. */
	public String link(CustomField field, Object value) {
		if (value == null) {
			return null;
		}
		if (field.type() == FieldType.URL) {
			String text = value.toString();
			return text.contains("://") ? text : "https://" + text;
		}
		if (field.type() == FieldType.EMAIL) {
			return "mailto:" + value;
		}
		if (field.type() == FieldType.PHONE) {
			return "tel:" + value.toString().replace(" ", "");
		}
		return null;
	}

	private ZoneId zone() {
		return currentActor.find().map(actor -> actor.zone()).orElse(ZoneId.of("UTC"));
	}
}
