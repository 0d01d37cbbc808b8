package org.rapport.integration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.rapport.shared.ExternalIds;

/**
 * A column of a kind of record that a file column may be mapped to: how its cells are read ({@link ImportCells}),
 * whether a row needs it, and the headers (English and Chinese) that name it in files.
 *
 * @param choiceLabels the prefix of the message keys that label the choices, such as {@code accountType}
 * @param label the label to show, or null for the message {@code import.field.<key>}
 * @param rule the check a text cell must pass, the one the record's forms and API apply, or null
 */
public record ImportColumn(String key, Type type, boolean required, int maxLength, List<String> choices,
		String choiceLabels, List<String> headers, String label, Rule rule) {

	/** How a cell's text becomes a value; each reads the file's conventions, see {@link ImportCells}. */
	public enum Type {
		/** Text, checked by the column's rule if it has one. */
		TEXT,
		/** Yes or no, in English or Chinese. */
		BOOLEAN,
		/**
		 * One of the column's choices, by its code, its label in English or Chinese or a name another system gives
		 * it, compared loosely ({@link ChoiceNames}), or as the user's {@link ValueMap} says; a value that names none
		 * leaves an optional column empty, with a notice on the row.
		 */
		CHOICE,
		/**
		 * An amount of money, not negative: digits with the file's {@link DecimalMark}, the thousands separated as it
		 * separates them, and the symbol or code of its currency allowed ({@code $1,200}, {@code 1.200,00 €}), which
		 * must agree with the row's currency or else settles it ({@link ImportCells#settleCurrency}).
		 */
		AMOUNT,
		/** A quantity, not negative, read as an amount is but without a currency. */
		QUANTITY,
		/** An ISO 4217 currency code: the currency of the row's amounts. */
		CURRENCY,
		/**
		 * A date, written in the {@link DateOrder} of its file column: {@code 2026-03-31}, {@code 31.03.2026},
		 * {@code 3/31/2026}, {@code 2026年3月31日}, perhaps with a time.
		 */
		DATE,
		/**
		 * A moment: a date as {@link #DATE} reads it, perhaps with a time ({@code 2026-03-31T09:15:00Z},
		 * {@code 3/31/2026 9:15 AM}); a time without an offset is in the importing user's zone, and a date without a
		 * time stands for its start there.
		 */
		DATE_TIME,
		/**
		 * A whole number of days, zero or more, read by the file's {@link DecimalMark}: {@code 30}, {@code 30.0} or,
		 * with a decimal comma, {@code 30,0}; a fraction that is not whole is refused, never rounded.
		 */
		DAYS,
		/**
		 * A whole percentage from 0 to 100, read as days are, with or without {@code %}: {@code 75}, {@code 75 %},
		 * {@code 75.0%}.
		 */
		PERCENT,
		/** A user, by login, e-mail address or display name, whom the importing user may make the owner. */
		OWNER,
		/** A custom field: its definition reads the text. */
		CUSTOM
	}

	/** A check a text cell must pass, with the message key that says what is wrong when it does not. */
	public record Rule(Predicate<String> holds, String message) {
	}

	public ImportColumn {
		choices = List.copyOf(choices);
		headers = List.copyOf(headers);
	}

	/**
	 * The id another system gave the record, which later rows and files match and refer to it by; more headers
	 * name it where a kind of record is known by a number of its own there (a contract's number).
	 */
	public static ImportColumn externalId(String... moreHeaders) {
		List<String> headers = new ArrayList<>(List.of("External ID", "external_id", "外部编号", "外部ID"));
		headers.addAll(List.of(moreHeaders));
		return text("externalId", ExternalIds.MAX_LENGTH, headers.toArray(String[]::new));
	}

	/**
	 * The record's id in Rapport, as its exports write it under {@code id}: rows matched by {@link MatchBy#ID} update
	 * the record it names. A cell that is no such id (another system's, say) is refused, naming the column.
	 */
	public static ImportColumn id() {
		return text("id", 36, "Id", "Rapport ID").checkedBy(text -> ImportCells.uuid(text) != null,
				"import.error.id");
	}

	/** The user who owns the record, named by login, e-mail address or display name, as every kind of record has one. */
	public static ImportColumn owner() {
		return of("owner", Type.OWNER, "Owner", "Owner Login", "Assigned To", "负责人", "所有者");
	}

	/** An optional text column of up to {@code maxLength} characters. */
	public static ImportColumn text(String key, int maxLength, String... headers) {
		return new ImportColumn(key, Type.TEXT, false, maxLength, List.of(), null, List.of(headers), null, null);
	}

	/** A text column a row needs. */
	public static ImportColumn required(String key, int maxLength, String... headers) {
		return new ImportColumn(key, Type.TEXT, true, maxLength, List.of(), null, List.of(headers), null, null);
	}

	/** An optional column of the type, its cells up to 200 characters. */
	public static ImportColumn of(String key, Type type, String... headers) {
		return new ImportColumn(key, type, false, 200, List.of(), null, List.of(headers), null, null);
	}

	/** A column of the type that a row needs. */
	public static ImportColumn required(String key, Type type, String... headers) {
		return new ImportColumn(key, type, true, 200, List.of(), null, List.of(headers), null, null);
	}

	/**
	 * An optional choice among the codes given, labelled by the messages {@code <choiceLabels>.<code>} as the
	 * record's pages label them.
	 */
	public static ImportColumn choice(String key, List<String> choices, String choiceLabels, String... headers) {
		return new ImportColumn(key, Type.CHOICE, false, 40, choices, choiceLabels, List.of(headers), null, null);
	}

	/** The names of an enum's constants, as choices. */
	public static List<String> names(Enum<?>[] values) {
		List<String> names = new ArrayList<>(values.length);
		for (Enum<?> value : values) {
			names.add(value.name());
		}
		return names;
	}

	/** The same column, its text cells checked by the rule given. */
	public ImportColumn checkedBy(Predicate<String> holds, String message) {
		return new ImportColumn(key, type, required, maxLength, choices, choiceLabels, headers, label,
				new Rule(holds, message));
	}

	/** The message key of a choice's label, as the record's pages show it. */
	public String choiceLabelKey(String choice) {
		return (choiceLabels == null ? key : choiceLabels) + "." + choice;
	}

	/** Whether a file header names this column: compared without case, spaces and punctuation. */
	public boolean isNamedBy(String header) {
		String wanted = normalized(header);
		if (wanted.isEmpty()) {
			return false;
		}
		if (normalized(key).equals(wanted)) {
			return true;
		}
		return headers.stream().anyMatch(h -> normalized(h).equals(wanted));
	}

	/**
	 * The column each file column most likely holds, judged by its header: the first column that the header names
	 * and no earlier file column took. File columns no column claims are left out.
	 */
	public static Map<Integer, String> guessMapping(List<ImportColumn> columns, List<String> headers) {
		Map<Integer, String> mapping = new LinkedHashMap<>();
		Set<String> taken = new HashSet<>();
		for (int index = 0; index < headers.size(); index++) {
			String header = headers.get(index);
			for (ImportColumn column : columns) {
				if (!taken.contains(column.key()) && column.isNamedBy(header)) {
					mapping.put(index, column.key());
					taken.add(column.key());
					break;
				}
			}
		}
		return mapping;
	}

	/**
	 * A header as headers are compared: in lower case, without spaces and punctuation, so that {@code Company Name},
	 * {@code company_name} and {@code companyName} are the same.
	 */
	public static String normalized(String header) {
		StringBuilder out = new StringBuilder();
		header.strip().toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
			.forEach(out::appendCodePoint);
		return out.toString();
	}
}
