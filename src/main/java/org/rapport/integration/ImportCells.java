package org.rapport.integration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.shared.Money;
import org.rapport.shared.PlausibleDate;
import org.springframework.context.MessageSource;

/**
 * Reads a file's cells by the file's conventions — trimmed text, its decimal mark, the order of each column's
 * dates, yes and no in English or Chinese, choices by any of their names, the user's value map, and the currency of
 * amounts that name none — into the values of their columns, and says what is wrong with a cell in the reader's
 * language, after the column's label. The one reading of cells for every kind of record, in the preview and the
 * import alike.
 */
public final class ImportCells {

	private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x", "是", "对", "√");

	private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "否", "不");

	/** The languages whose labels name a choice in a cell. */
	public static final List<Locale> LABEL_LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	/** The most days a cell of days may hold. */
	private static final int MAX_DAYS = 99_999;

	private final MessageSource messages;
	private final Locale locale;
	private final DecimalMark mark;
	private final ValueMap values;
	private final Map<String, ChoiceNames> names = new HashMap<>();
	private final ZoneId zone;
	private final Map<String, DateOrder> dateOrders;
	private final String currency;

	/**
	 * Cells of a file that writes numbers with the mark given, its dates in the order assumed for the mark, its amounts
	 * in the currency they name, if any.
	 */
	public ImportCells(MessageSource messages, Locale locale, DecimalMark mark) {
		this(messages, locale, mark, ZoneOffset.UTC, Map.of(), ValueMap.NONE, null);
	}

	/** Cells of a file whose values that name none of our choices stand for what the value map says. */
	public ImportCells(MessageSource messages, Locale locale, DecimalMark mark, ValueMap values) {
		this(messages, locale, mark, ZoneOffset.UTC, Map.of(), values, null);
	}

	/**
	 * Cells of a file that writes numbers with the mark given and the dates of each column (by key) in the order
	 * given, read by a user in the zone given; columns without an order take the one assumed for the mark. The
	 * file's values that name none of our choices stand for what the value map says, and its amounts that name no
	 * currency are in the currency given (none when null).
	 */
	public ImportCells(MessageSource messages, Locale locale, DecimalMark mark, ZoneId zone,
			Map<String, DateOrder> dateOrders, ValueMap values, String currency) {
		this.messages = messages;
		this.locale = locale;
		this.mark = mark;
		this.zone = zone;
		this.dateOrders = Map.copyOf(dateOrders);
		this.values = values;
		this.currency = currency;
	}

	/** How the file writes numbers. */
	public DecimalMark mark() {
		return mark;
	}

	/**
	 * The currency of the file's amounts that name none (ISO 4217), which a new record whose row names no currency
	 * takes too; null when none is set.
	 */
	public String currency() {
		return currency;
	}

	/** What the file's values that name none of our choices stand for. */
	public ValueMap valueMap() {
		return values;
	}

	/**
	 * Puts the value of the cell under the column's key, or rejects the row's column with the reason; an empty cell
	 * leaves the column out, and so does a choice that is not one of ours, with a notice, unless the row needs it.
	 * A text cell the value map names reads as the value it gives. Owners and custom fields are read by who knows
	 * the users and the definitions.
	 */
	public void read(ImportColumn column, String cell, ImportRow row) {
		String text = cell == null ? null : cell.strip();
		if (text == null || text.isEmpty()) {
			return;
		}
		if (column.type() == ImportColumn.Type.CHOICE) {
			String choice = choice(column, text, row, column.required());
			if (choice != null) {
				row.values().put(column.key(), choice);
			}
			return;
		}
		String mapped = values.target(column.key(), text);
		if (mapped != null) {
			if (mapped.isEmpty()) {
				return;
			}
			text = mapped;
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
			case DATE_TIME -> moment(column, text, row);
			case DAYS -> whole(column, text, text, MAX_DAYS, "import.error.days", row);
			case PERCENT -> whole(column, text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text,
					text, 100, "import.error.percent", row);
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
			case AMOUNT -> {
				CurrencySymbols.Written amount = mark.written(text);
				if (amount == null) {
					row.reject(column.key(), reason(column, numberProblem(), text));
				}
				else if (amount.problem() != null) {
					row.reject(column.key(), reason(column, amount.problem(), text, amount.symbol()));
				}
				else if (!Money.isPlausible(amount.amount())) {
					row.reject(column.key(), reason(column, "validation.amount"));
				}
				else {
					row.values().put(column.key(), amount.amount());
					if (amount.namesCurrency()) {
						row.writtenCurrencies().put(column.key(), amount);
					}
				}
			}
			case QUANTITY -> {
				CurrencySymbols.Written quantity = mark.written(text);
				if (quantity == null || quantity.symbol() != null) {
					row.reject(column.key(), reason(column, numberProblem(), text));
				}
				else if (!Money.isPlausible(quantity.amount())) {
					row.reject(column.key(), reason(column, "validation.amount"));
				}
				else {
					row.values().put(column.key(), quantity.amount());
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
			case CHOICE -> throw new IllegalStateException("A choice is read before its text: " + column.key());
			case OWNER, CUSTOM -> throw new IllegalArgumentException("Not read from the cell alone: " + column.key());
		}
	}

	/**
	 * Settles the currency of a row whose cells are read, by what its amount cells are written with (their symbol or
	 * code) and its currency column (of type {@link ImportColumn.Type#CURRENCY} among the columns given), so that no
	 * amount ever lands in a currency other than the one it is written in:
	 * <ul>
	 * <li>when the row gives its currency, an amount written with a symbol that cannot stand for it is rejected,
	 * naming both;</li>
	 * <li>when it gives none, the symbols of its amounts decide it: the file's currency of amounts that name none if
	 * they may all stand for it ({@code $} in a file of Canadian dollars), else their likely one; amounts written in
	 * two currencies are rejected;</li>
	 * <li>when nothing names a currency, a row with an amount takes the file's currency of amounts that name none, if
	 * {@code unnamed} says its kind takes it; a row without amount keeps its record's (or, new, takes that one when
	 * it is made).</li>
	 * </ul>
	 */
	public void settleCurrency(List<ImportColumn> columns, ImportRow row, boolean unnamed) {
		ImportColumn currencyColumn = columns.stream()
			.filter(c -> c.type() == ImportColumn.Type.CURRENCY)
			.findFirst()
			.orElse(null);
		if (currencyColumn == null || row.errors().containsKey(currencyColumn.key())) {
			return;
		}
		String given = row.text(currencyColumn.key());
		List<Map.Entry<String, CurrencySymbols.Written>> named = List.copyOf(row.writtenCurrencies().entrySet());
		if (given != null) {
			for (Map.Entry<String, CurrencySymbols.Written> amount : named) {
				CurrencySymbols.Written written = amount.getValue();
				if (!written.mayBe(given)) {
					row.reject(amount.getKey(), reason(column(columns, amount.getKey()),
							"import.error.currencyContradicts", written.cell(), written.currency(currency), given));
				}
			}
			return;
		}
		if (!named.isEmpty()) {
			Map.Entry<String, CurrencySymbols.Written> first = named.get(0);
			List<String> common = new ArrayList<>(first.getValue().currencies());
			for (Map.Entry<String, CurrencySymbols.Written> other : named.subList(1, named.size())) {
				common.retainAll(other.getValue().currencies());
				if (common.isEmpty()) {
					CurrencySymbols.Written written = other.getValue();
					row.reject(other.getKey(), reason(column(columns, other.getKey()), "import.error.currencyTwo",
							written.cell(), written.currency(currency), label(column(columns, first.getKey())),
							first.getValue().cell(), first.getValue().currency(currency)));
					return;
				}
			}
			row.values().put(currencyColumn.key(), common.contains(currency) ? currency : common.get(0));
			return;
		}
		boolean amount = columns.stream()
			.anyMatch(c -> c.type() == ImportColumn.Type.AMOUNT && row.values().get(c.key()) != null);
		if (unnamed && amount && currency != null) {
			row.values().put(currencyColumn.key(), currency);
		}
	}

	private static ImportColumn column(List<ImportColumn> columns, String key) {
		return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
	}

	/**
	 * The number a cell holds as the file writes numbers, or null; a cell written with a currency holds none, as a
	 * plain number has no currency.
	 */
	public BigDecimal number(String text) {
		CurrencySymbols.Written written = mark.written(text);
		return written == null || written.symbol() != null ? null : written.amount();
	}

	/** The amount a cell holds as the file writes numbers, with the currency it is written in, or null. */
	public CurrencySymbols.Written amount(String text) {
		return mark.written(text);
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

	/** The id a cell holds, such as one of Rapport's records, or null when it holds none. */
	public static UUID uuid(String text) {
		String value = text == null ? "" : text.strip();
		if (value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

	/**
	 * The moment a cell names, read in its column's date order as dates are (see {@link DateOrder.Written#instantIn});
	 * a cell that is no date in that order, or one outside the dates the forms take, rejects the row's column.
	 */
	private void moment(ImportColumn column, String text, ImportRow row) {
		DateOrder order = dateOrder(column.key());
		DateOrder.Written written = order.written(text);
		if (written == null) {
			row.reject(column.key(), reason(column, order.problem(text), text));
		}
		else if (!PlausibleDate.Check.holds(written.dateIn(zone))) {
			row.reject(column.key(), reason(column, "validation.date"));
		}
		else {
			row.values().put(column.key(), written.instantIn(zone));
		}
	}

	/**
	 * A whole number from 0 to {@code highest}, read by the file's mark: {@code 100}, {@code 100.0} and, with a
	 * decimal comma, {@code 100,00} alike. A fraction that is not whole ({@code 12.5}) is refused, never rounded.
	 */
	private void whole(ImportColumn column, String number, String cell, int highest, String problem, ImportRow row) {
		BigDecimal value = number(number);
		if (value != null && value.stripTrailingZeros().scale() > 0) {
			row.reject(column.key(), reason(column, "import.error.fraction", cell));
		}
		else if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(highest)) > 0) {
			row.reject(column.key(), reason(column, problem, cell));
		}
		else {
			row.values().put(column.key(), value.intValueExact());
		}
	}

	/**
	 * The choice a cell's text stands for: the one the value map gives it (null when it leaves the value out), else
	 * the one it names by a name of the choice ({@link #names}). A text that stands for none rejects the row when
	 * the row needs the column; otherwise the row goes without it, with a notice that says so. A custom field's
	 * options are its choices.
	 */
	public String choice(ImportColumn column, String text, ImportRow row, boolean required) {
		String mapped = values.target(column.key(), text);
		if (mapped != null) {
			return mapped.isEmpty() ? null : mapped;
		}
		String choice = names(column).choiceNamed(text);
		if (choice != null) {
			return choice;
		}
		if (required) {
			List<String> accepted = column.choices().stream()
				.map(c -> column.type() == ImportColumn.Type.CHOICE
						? message("import.error.choiceItem", c, message(column.choiceLabelKey(c))) : c)
				.toList();
			row.reject(column.key(), reason(column, "import.error.choice",
					String.join(message("import.error.choiceSeparator"), accepted)));
		}
		else {
			row.notice(column.key(), reason(column, "import.notice.choice", text));
		}
		return null;
	}

	/**
	 * The names the column's choices go by: each choice's code, as exports write it, its labels in English and
	 * Chinese and the names other systems give it; a custom field's options by themselves.
	 */
	public ChoiceNames names(ImportColumn column) {
		return names.computeIfAbsent(column.key(), key -> {
			Map<String, List<String>> byChoice = new LinkedHashMap<>();
			for (String choice : column.choices()) {
				List<String> all = new ArrayList<>();
				if (column.type() == ImportColumn.Type.CHOICE) {
					String labelKey = column.choiceLabelKey(choice);
					for (Locale language : LABEL_LANGUAGES) {
						String label = messages.getMessage(labelKey, null, null, language);
						if (label != null) {
							all.add(label);
						}
					}
					all.addAll(ChoiceNames.otherSystems(labelKey));
				}
				byChoice.put(choice, all);
			}
			return ChoiceNames.of(byChoice);
		});
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
