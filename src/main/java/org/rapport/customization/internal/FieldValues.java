package org.rapport.customization.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.rapport.shared.ContactPoints;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFields;

/**
 * Turns what a person or a program gives for a custom field into the value a record stores, or says why it cannot.
 * Stored forms: strings, {@code Long} for whole numbers, {@code BigDecimal} for decimals and amounts, {@code Boolean},
 * {@code yyyy-MM-dd} dates, {@code yyyy-MM-ddTHH:mm:ssZ} instants and lists of option strings.
 */
final class FieldValues {

	static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final Set<String> YES = Set.of("true", "yes", "y", "1", "on", "x", "是", "真");

	private static final Set<String> NO = Set.of("false", "no", "n", "0", "off", "否", "假");

	private static final DateTimeFormatter[] DATES = { DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d", Locale.ROOT), DateTimeFormatter.ofPattern("yyyy.M.d", Locale.ROOT),
			DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.ROOT) };

	static final int MAX_TEXT = 255;

	static final int MAX_LONG_TEXT = 4000;

	private FieldValues() {
	}

	/** Why a value was refused: a message key of the {@code customization} bundle. */
	static final class Refused extends RuntimeException {

		private final String messageKey;

		Refused(String messageKey) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
		}

		String messageKey() {
			return messageKey;
		}
	}

	/**
	 * The stored form of a raw value (text or a JSON value), or {@code null} for an empty one.
	 *
	 * @throws Refused when the value does not fit the field
	 */
	static Object read(CustomField field, Object raw, ZoneId zone) {
		if (raw == null) {
			return null;
		}
		if (raw instanceof String text && text.isBlank()) {
			// a form's unticked box gives nothing, and means no
			return field.type() == org.rapport.customization.FieldType.CHECKBOX ? Boolean.FALSE : null;
		}
		if (raw instanceof Collection<?> items && items.isEmpty()) {
			return null;
		}
		return switch (field.type()) {
			case TEXT -> text(raw, MAX_TEXT);
			case LONG_TEXT -> text(raw, MAX_LONG_TEXT);
			case NUMBER -> wholeNumber(raw);
			case DECIMAL, CURRENCY -> decimal(raw);
			case DATE -> date(raw);
			case DATE_TIME -> instant(raw, zone);
			case CHECKBOX -> checkbox(raw);
			case PICK_LIST -> option(field, single(raw));
			case MULTI_PICK_LIST -> options(field, raw);
			case URL -> url(raw);
			case EMAIL -> email(raw);
			case PHONE -> phone(raw);
		};
	}

	private static String single(Object raw) {
		if (raw instanceof Collection<?> || raw instanceof java.util.Map<?, ?>) {
			throw new Refused("custom-field.invalid.single");
		}
		return raw.toString().strip();
	}

	private static String text(Object raw, int max) {
		String text = single(raw);
		if (text.length() > max) {
			throw new Refused(max == MAX_TEXT ? "custom-field.invalid.too-long" : "custom-field.invalid.too-long-text");
		}
		return text;
	}

	private static Long wholeNumber(Object raw) {
		if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
			return ((Number) raw).longValue();
		}
		try {
			BigDecimal value = new BigDecimal(plainNumber(raw));
			return value.longValueExact();
		}
		catch (NumberFormatException | ArithmeticException notWhole) {
			throw new Refused("custom-field.invalid.number");
		}
	}

	private static BigDecimal decimal(Object raw) {
		try {
			BigDecimal value = raw instanceof Number number ? new BigDecimal(number.toString())
					: new BigDecimal(plainNumber(raw));
			if (value.precision() - value.scale() > 15 || value.scale() > 6) {
				throw new Refused("custom-field.invalid.decimal");
			}
			return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
		}
		catch (NumberFormatException notANumber) {
			throw new Refused("custom-field.invalid.decimal");
		}
	}

	/** Text of a number without grouping spaces or underscores; a comma is a decimal comma only when no dot is. */
	private static String plainNumber(Object raw) {
		String text = single(raw).replace(" ", "").replace("\u00a0", "").replace("_", "");
		if (text.contains(",") && !text.contains(".") && text.indexOf(',') == text.lastIndexOf(',')
				&& text.length() - text.indexOf(',') != 4) {
			return text.replace(',', '.');
		}
		return text.replace(",", "");
	}

	private static String date(Object raw) {
		String text = single(raw);
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(text, format).toString();
			}
			catch (DateTimeParseException next) {
				// try the next form
			}
		}
		throw new Refused("custom-field.invalid.date");
	}

	private static String instant(Object raw, ZoneId zone) {
		String text = single(raw).replace(' ', 'T');
		Instant instant;
		try {
			instant = OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException noOffset) {
			try {
				instant = LocalDateTime.parse(text).atZone(zone == null ? ZoneOffset.UTC : zone).toInstant();
			}
			catch (DateTimeParseException notADateTime) {
				throw new Refused("custom-field.invalid.date-time");
			}
		}
		return INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	private static Boolean checkbox(Object raw) {
		if (raw instanceof Boolean flag) {
			return flag;
		}
		String text = single(raw).toLowerCase(Locale.ROOT);
		if (YES.contains(text)) {
			return Boolean.TRUE;
		}
		if (NO.contains(text)) {
			return Boolean.FALSE;
		}
		throw new Refused("custom-field.invalid.checkbox");
	}

	private static String option(CustomField field, String text) {
		for (String option : field.options()) {
			if (option.equalsIgnoreCase(text)) {
				return option;
			}
		}
		throw new Refused("custom-field.invalid.option");
	}

	private static List<String> options(CustomField field, Object raw) {
		List<String> given = new ArrayList<>();
		if (raw instanceof Collection<?> items) {
			items.forEach(item -> given.add(String.valueOf(item)));
		}
		else {
			// text lists options separated by semicolons (CSV) or commas
			for (String part : single(raw).split(CustomFields.OPTION_SEPARATORS)) {
				given.add(part);
			}
		}
		Set<String> chosen = new LinkedHashSet<>();
		for (String item : given) {
			if (!item.isBlank()) {
				chosen.add(option(field, item.strip()));
			}
		}
		// stored in the order of the definition, so that equal choices store equally
		return chosen.isEmpty() ? null : field.options().stream().filter(chosen::contains).toList();
	}

	private static String url(Object raw) {
		String text = single(raw);
		String candidate = text.contains("://") ? text : "https://" + text;
		try {
			URI uri = URI.create(candidate);
			if (uri.getHost() == null || !uri.getHost().contains(".")
					|| !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					|| text.length() > MAX_TEXT) {
				throw new Refused("custom-field.invalid.url");
			}
			return text;
		}
		catch (IllegalArgumentException notAUri) {
			throw new Refused("custom-field.invalid.url");
		}
	}

	private static String email(Object raw) {
		String text = single(raw);
		if (!ContactPoints.isEmail(text)) {
			throw new Refused("custom-field.invalid.email");
		}
		return text;
	}

	private static String phone(Object raw) {
		String text = single(raw);
		if (!ContactPoints.isPhone(text)) {
			throw new Refused("custom-field.invalid.phone");
		}
		return text;
	}

	/** The value as a person reads it. */
	static String format(CustomField field, Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Collection<?> items) {
			return String.join(", ", items.stream().map(String::valueOf).toList());
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}
}
