package org.rapport.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rapport.shared.Money;
import org.rapport.shared.PlausibleDate;
import org.springframework.context.MessageSource;

/**
 * Reads a file's cells by the file's conventions — trimmed text, its decimal mark, the order of each column's
 * dates, yes and no in English or Chinese — into the values of their columns, and says what is wrong with a cell in
 * the reader's language, after the column's label. The one reading of cells for every kind of record, in the
 * preview and the import alike.
 */
public final class ImportCells {

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x", "是", "对", "√");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "不");

	/** The languages whose labels name a choice in a cell. */
	public static final List<Locale> LABEL_LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	private final MessageSource messages;
	private final Locale locale;
	private final DecimalMark mark;
	private final ZoneId zone;
	private final Map<String, DateOrder> dateOrders;

	/** Cells of a file that writes numbers with the mark given, its dates in the order assumed for the mark. */
	public ImportCells(MessageSource messages, Locale locale, DecimalMark mark) {
		this(messages, locale, mark, ZoneOffset.UTC, Map.of());
	}

	/**
	 * Cells of a file that writes numbers with the mark given and the dates of each column (by key) in the order
	 * given, read by a user in the zone given; columns without an order take the one assumed for the mark.
	 */
	public ImportCells(MessageSource messages, Locale locale, DecimalMark mark, ZoneId zone,
			Map<String, DateOrder> dateOrders) {
		this.messages = messages;
		this.locale = locale;
		this.mark = mark;
		this.zone = zone;
		this.dateOrders = Map.copyOf(dateOrders);
	}

	/** How the file writes numbers. */
	public DecimalMark mark() {
		return mark;
	}

	/**
	 * Puts the value of the cell under the column's key, or rejects the row's column with the reason; an empty cell
	 * leaves the column out. Owners and custom fields are read by who knows the users and the definitions.
	 */
	public void read(ImportColumn column, String cell, ImportRow row) {
		String text = cell == null ? null : cell.strip();
		if (text == null || text.isEmpty()) {
			return;
		}
		if (text.length() > column.maxLength()) {
			row.reject(column.key(), reason(column, "import.error.tooLong", column.maxLength()));
			return;
		}
		switch (column.type()) {
			case TEXT -> {
				if (column.rule() == null || column.rule().holds().test(text)) {
					row.values().put(column.key(), text);
				}
				else {
					// the rule and the message of the forms and the API
					row.reject(column.key(), reason(column, column.rule().message()));
				}
			}
			case DATE -> {
				DateOrder order = dateOrder(column.key());
				LocalDate date = order.read(text, zone);
				if (date == null) {
					row.reject(column.key(), reason(column, order.problem(text), text));
				}
				else if (!PlausibleDate.Check.holds(date)) {
					// the bounds and the message of the forms and the API
					row.reject(column.key(), reason(column, "validation.date"));
				}
				else {
					row.values().put(column.key(), date);
				}
			}
			case DAYS -> {
				if (text.matches("\\d{1,5}")) {
					row.values().put(column.key(), Integer.parseInt(text));
				}
				else {
					row.reject(column.key(), reason(column, "import.error.days"));
				}
			}
			case PERCENT -> {
				String digits = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
				if (digits.matches("\\d{1,3}") && Integer.parseInt(digits) <= 100) {
					row.values().put(column.key(), Integer.parseInt(digits));
				}
				else {
					row.reject(column.key(), reason(column, "import.error.percent"));
				}
			}
			case BOOLEAN -> {
				String lower = text.toLowerCase(Locale.ROOT);
				if (TRUE.contains(lower)) {
					row.values().put(column.key(), Boolean.TRUE);
				}
				else if (FALSE.contains(lower)) {
					row.values().put(column.key(), Boolean.FALSE);
				}
				else {
					row.reject(column.key(), reason(column, "import.error.boolean"));
				}
			}
			case CHOICE -> {
				String choice = choice(column, text);
				if (choice != null) {
					row.values().put(column.key(), choice);
				}
				else {
					List<String> accepted = column.choices().stream()
						.map(c -> message("import.error.choiceItem", c, message(column.choiceLabelKey(c))))
						.toList();
					row.reject(column.key(), reason(column, "import.error.choice",
							String.join(message("import.error.choiceSeparator"), accepted)));
				}
			}
			case AMOUNT -> {
				BigDecimal amount = mark.read(text);
				if (amount == null) {
					row.reject(column.key(), reason(column, numberProblem(), text));
				}
				else if (!Money.isPlausible(amount)) {
					row.reject(column.key(), reason(column, "validation.amount"));
				}
				else {
					row.values().put(column.key(), amount);
				}
			}
			case CURRENCY -> {
				if (text.length() == 3 && Money.isCurrency(text)) {
					row.values().put(column.key(), text.toUpperCase(Locale.ROOT));
				}
				else {
					row.reject(column.key(), reason(column,
							text.matches("[A-Za-z]{3}") ? "validation.currency.iso" : "import.error.currency", text));
				}
			}
			case OWNER, CUSTOM -> throw new IllegalArgumentException("Not read from the cell alone: " + column.key());
		}
	}

	/** The number a cell holds as the file writes numbers, or null. */
	public BigDecimal number(String text) {
		return mark.read(text);
	}

	/** The message key that says a cell is no number as the file writes numbers. */
	public String numberProblem() {
		return mark == DecimalMark.COMMA ? "import.error.numberComma" : "import.error.numberPoint";
	}

	/** The order in which the file column mapped to the column of that key writes its dates. */
	public DateOrder dateOrder(String key) {
		return dateOrders.getOrDefault(key, DateOrder.assumedFor(mark));
	}

	/** The zone of the importing user, in which a time with an offset falls on its date. */
	public ZoneId zone() {
		return zone;
	}

	/** The choice a cell names by its code, as exports write it, or by its label in English or Chinese; or null. */
	private String choice(ImportColumn column, String text) {
		String wanted = text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		if (column.choices().contains(wanted)) {
			return wanted;
		}
		for (String choice : column.choices()) {
			for (Locale language : LABEL_LANGUAGES) {
				String label = messages.getMessage(column.choiceLabelKey(choice), null, null, language);
				if (label != null && label.strip().equalsIgnoreCase(text)) {
					return choice;
				}
			}
		}
		return null;
	}

	/** What is wrong with a cell of the column, after the column's label. */
	public String reason(ImportColumn column, String key, Object... args) {
		return labelled(label(column), message(key, args));
	}

	/** The column's label in the reader's language. */
	public String label(ImportColumn column) {
		return column.label() != null ? column.label() : message("import.field." + column.key());
	}

	/** A label before what is wrong with its cell, with the language's own colon. */
	public String labelled(String label, String problem) {
		return message("import.error.field", label, problem);
	}

	/** The message in the reader's language; its key when there is none. */
	public String message(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
