package org.rapport.customization.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
		if (value == null || (value instanceof Collection<?> items && items.isEmpty())) {
			return "";
		}
		Locale locale = LocaleContextHolder.getLocale();
		try {
			return switch (field.type()) {
				case CHECKBOX -> messages.getMessage(Boolean.TRUE.equals(value) || "true".equals(value.toString())
						? "custom-field.yes" : "custom-field.no", null, locale);
				case DATE -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(locale)
					.format(LocalDate.parse(value.toString()));
				case DATE_TIME -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale)
					.withZone(zone())
					.format(Instant.parse(value.toString()));
				case NUMBER, DECIMAL -> NumberFormat.getNumberInstance(locale).format(new BigDecimal(value.toString()));
				case CURRENCY -> currency(field, value, locale);
				default -> customFields.format(field, value);
			};
		}
		catch (DateTimeParseException | NumberFormatException unreadable) {
			return customFields.format(field, value);
		}
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

	private String currency(CustomField field, Object value, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(6);
		return format.format(new BigDecimal(value.toString())) + (field.currency() == null ? "" : " " + field.currency());
	}

	private ZoneId zone() {
		return currentActor.find().map(actor -> actor.zone()).orElse(ZoneId.of("UTC"));
	}
}
