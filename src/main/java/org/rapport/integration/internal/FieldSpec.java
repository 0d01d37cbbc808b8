package org.rapport.integration.internal;

import java.util.List;
import java.util.Locale;

/**
 * A field a file column may be mapped to: how its text is read, whether a row needs it, and the headers (English
 * and Chinese) that name it.
 */
public record FieldSpec(String key, Type type, boolean required, int maxLength, List<String> choices,
		List<String> headers, String label) {

	/** How a cell's text becomes a value. */
	public enum Type {
		TEXT, EMAIL, BOOLEAN, CHOICE, ACCOUNT, ACCOUNT_EXTERNAL_ID, OWNER,
		/** An amount of money, not negative: digits with a decimal point, thousands commas and a symbol allowed. */
		AMOUNT,
		/** An ISO 4217 currency code. */
		CURRENCY,
		/** A date: {@code 2026-03-31}, {@code 2026/3/31} or {@code 2026年3月31日}. */
		DATE,
		/** A whole number of days, zero or more. */
		DAYS,
		/** A whole percentage from 0 to 100. */
		PERCENT,
		/** A name looked up among other records (a pipeline, a stage) once the row is read. */
		REFERENCE,
		/** A custom field: its definition reads the text. */
		CUSTOM
	}

	static FieldSpec text(String key, int maxLength, String... headers) {
		return new FieldSpec(key, Type.TEXT, false, maxLength, List.of(), List.of(headers), null);
	}

	static FieldSpec required(String key, int maxLength, String... headers) {
		return new FieldSpec(key, Type.TEXT, true, maxLength, List.of(), List.of(headers), null);
	}

	static FieldSpec of(String key, Type type, String... headers) {
		return new FieldSpec(key, type, false, type == Type.EMAIL ? 254 : 200, List.of(), List.of(headers), null);
	}

	static FieldSpec required(String key, Type type, String... headers) {
		return new FieldSpec(key, type, true, 200, List.of(), List.of(headers), null);
	}

	static FieldSpec choice(String key, List<String> choices, String... headers) {
		return new FieldSpec(key, Type.CHOICE, false, 40, choices, List.of(headers), null);
	}

	/** Whether a file header names this field: compared without case, spaces and punctuation. */
	boolean isNamedBy(String header) {
		String wanted = normalized(header);
		if (wanted.isEmpty()) {
			return false;
		}
		if (normalized(key).equals(wanted)) {
			return true;
		}
		return headers.stream().anyMatch(h -> normalized(h).equals(wanted));
	}

	static String normalized(String header) {
		StringBuilder out = new StringBuilder();
		header.strip().toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
			.forEach(out::appendCodePoint);
		return out.toString();
	}
}
