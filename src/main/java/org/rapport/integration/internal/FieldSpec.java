package org.rapport.integration.internal;

import java.util.List;
import java.util.Locale;
import org.rapport.shared.ContactPoints;

/**
 * A field a file column may be mapped to: how its text is read, whether a row needs it, and the headers (English
 * and Chinese) that name it.
 */
public record FieldSpec(String key, Type type, boolean required, int maxLength, List<String> choices,
		List<String> headers, String label) {

	/** How a cell's text becomes a value. */
	public enum Type {
		TEXT,
		/** An e-mail address, {@link org.rapport.shared.ContactPoints#isEmail} as on the forms. */
		EMAIL,
		/** A phone number, {@link org.rapport.shared.ContactPoints#isPhone} as on the forms. */
		PHONE,
		/** A web address, {@link org.rapport.shared.ContactPoints#isWebsite} as on the forms. */
		WEBSITE,
		BOOLEAN, CHOICE, ACCOUNT, ACCOUNT_EXTERNAL_ID, OWNER,
		/**
		 * An amount or a quantity, not negative: digits with the file's {@link DecimalMark}, the thousands separated
		 * as it separates them, and a currency symbol allowed.
		 */
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
		return new FieldSpec(key, type, false, maxLength(type), List.of(), List.of(headers), null);
	}

	private static int maxLength(Type type) {
		return switch (type) {
			case EMAIL -> ContactPoints.EMAIL_MAX;
			case PHONE -> ContactPoints.PHONE_MAX;
			case WEBSITE -> ContactPoints.WEBSITE_MAX;
			default -> 200;
		};
	}

	static FieldSpec required(String key, Type type, String... headers) {
		return new FieldSpec(key, type, true, 200, List.of(), List.of(headers), null);
	}

	static FieldSpec choice(String key, List<String> choices, String... headers) {
		return new FieldSpec(key, Type.CHOICE, false, 40, choices, List.of(headers), null);
	}

	/** The message keys of the choices' labels, by field: {@code leadRating.WARM} names a lead's rating. */
	private static final java.util.Map<String, String> CHOICE_LABELS = java.util.Map.of("type", "accountType",
			"industry", "industry", "lifecycleStage", "stage", "source", "source", "rating", "leadRating");

	/** The message key of a choice's label, as the record's pages show it. */
	String choiceLabelKey(String choice) {
		return CHOICE_LABELS.getOrDefault(key, key) + "." + choice;
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
