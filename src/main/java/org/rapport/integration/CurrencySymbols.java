package org.rapport.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.rapport.shared.Money;

/**
 * The symbols and codes with which files write the currency of an amount — {@code $1,200}, {@code US$1,200},
 * {@code 1.200,00 €}, {@code ¥1,200}, {@code 1200元}, {@code CHF 100}, {@code 1.200,00 EUR} — and the currencies each
 * may stand for, the likely one first, as {@code integration/currency-symbols.properties} lists them; an ISO 4217 code
 * names its own currency. An import reads an amount with the currency it is written in, never stripped of it
 * ({@link Written}), and tells the currency of a file's amounts by them ({@link #detect}).
 */
public final class CurrencySymbols {

	/** The currencies each symbol may stand for, by the symbol in upper case. */
	private static final Map<String, List<String>> SYMBOLS = load("integration/currency-symbols.properties");

	/** The spaces written between an amount and its currency: plain, no-break and narrow no-break. */
	private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]+");

	/** The message key that says a cell's symbol names no currency Rapport knows. */
	static final String UNKNOWN = "import.error.currencySymbol";

	/** The message key that says a cell names two currencies. */
	static final String MIXED = "import.error.currencyMixed";

	private CurrencySymbols() {
	}

	/**
	 * The currencies a symbol or code may stand for, the likely one first: those the list gives it, else the currency
	 * an ISO code names; none for a symbol Rapport does not know.
	 */
	public static List<String> currencies(String symbol) {
		if (symbol == null || symbol.isBlank()) {
			return List.of();
		}
		String key = symbol.strip().toUpperCase(Locale.ROOT);
		List<String> listed = SYMBOLS.get(key);
		if (listed != null) {
			return listed;
		}
		return key.matches("[A-Z]{3}") && Money.isCurrency(key) ? List.of(key) : List.of();
	}

	/**
	 * An amount cell as the file writes it: the cell, its number, and the symbol or code written around the number
	 * ({@code $}, {@code US$}, {@code €}, {@code 元}, {@code EUR}; several as written, {@code USD $}), null when none is,
	 * with the currencies it may stand for, the likely one first.
	 *
	 * @param problem the message key that says why the symbol names no currency (one Rapport does not know, or two
	 * symbols that name different ones), or null when it names one or none is written
	 */
	public record Written(String cell, BigDecimal amount, String symbol, List<String> currencies, String problem) {

		public Written {
			currencies = List.copyOf(currencies);
		}

		/** Whether the cell is written with a currency's symbol or code. */
		public boolean namesCurrency() {
			return symbol != null && problem == null;
		}

		/** Whether the cell's symbol may stand for the currency. */
		public boolean mayBe(String currency) {
			return currency != null && currencies.contains(currency);
		}

		/**
		 * The currency the amount is in: the one preferred if the symbol may stand for it, else the likely one (none
		 * for a symbol that names none).
		 */
		public String currency(String preferred) {
			return mayBe(preferred) || currencies.isEmpty() ? preferred : currencies.get(0);
		}
	}

	/**
	 * The number of a cell and the symbols or codes written before and after it (the text before its first digit or
	 * minus sign, and after its last digit), or null when the text around the number is no currency — a word such as
	 * {@code about}. A symbol Rapport does not know (one of Unicode's currency symbols) still leaves the number to read,
	 * with the reason it names no currency.
	 *
	 * @param number the text of the number, to be read by the file's decimal mark
	 */
	record Split(String number, String symbol, List<String> currencies, String problem) {
	}

	static Split split(String text) {
		if (text == null) {
			return null;
		}
		int first = -1;
		int last = -1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				first = first < 0 ? i : first;
				last = i;
			}
			else if (c == '-' && first < 0) {
				first = i;
			}
		}
		if (last < 0) {
			return null;
		}
		List<String> symbols = new ArrayList<>();
		for (String around : new String[] { text.substring(0, first), text.substring(last + 1) }) {
			for (String symbol : SPACES.split(around.strip())) {
				if (!symbol.isEmpty()) {
					symbols.add(symbol);
				}
			}
		}
		String number = text.substring(first, last + 1);
		if (symbols.isEmpty()) {
			return new Split(number, null, List.of(), null);
		}
		String written = String.join(" ", symbols);
		List<String> common = null;
		boolean unknown = false;
		for (String symbol : symbols) {
			List<String> currencies = currencies(symbol);
			if (currencies.isEmpty()) {
				if (symbol.codePoints().noneMatch(c -> Character.getType(c) == Character.CURRENCY_SYMBOL)) {
					// a word beside a number makes it no amount: "about 100" is rejected as no number
					return null;
				}
				unknown = true;
			}
			else if (common == null) {
				common = new ArrayList<>(currencies);
			}
			else {
				common.retainAll(currencies);
			}
		}
		if (unknown) {
			return new Split(number, written, List.of(), UNKNOWN);
		}
		return common.isEmpty() ? new Split(number, written, List.of(), MIXED) : new Split(number, written, common, null);
	}

	/**
	 * What the symbols of a file's amount cells told: how many cells were written with each one, and the first of them.
	 *
	 * @param currencies the currencies the symbol may stand for, the likely one first; none for a symbol that names
	 * no currency Rapport knows, whose cells are rejected
	 */
	public record Evidence(String symbol, List<String> currencies, int cells, String example) {

		public Evidence {
			currencies = List.copyOf(currencies);
		}

		/** The currencies other than the one taken that the symbol may stand for. */
		public List<String> others(String taken) {
			return currencies.stream().filter(c -> !c.equals(taken)).toList();
		}
	}

	/**
	 * The currency of a file's amounts that name none, and why.
	 *
	 * @param assumed whether no amount cell names a currency, and the currency is the installation's
	 * @param evidence the symbols the cells are written with, the most written first
	 */
	public record Detection(String currency, boolean assumed, List<Evidence> evidence) {

		public Detection {
			evidence = List.copyOf(evidence);
		}
	}

	/**
	 * The currency a file's amount cells name: the likely currency of the symbol or code written in most of them
	 * ({@code $1,200} in 37 cells: USD). When none names a currency, the one given (the installation's), assumed.
	 */
	public static Detection detect(Iterable<String> cells, String otherwise) {
		Map<String, Evidence> bySymbol = new LinkedHashMap<>();
		for (String cell : cells) {
			Split split = cell == null ? null : split(cell.strip());
			if (split == null || split.symbol() == null || MIXED.equals(split.problem())) {
				continue;
			}
			bySymbol.merge(split.symbol().toUpperCase(Locale.ROOT),
					new Evidence(split.symbol(), split.currencies(), 1, clip(cell.strip())),
					(a, b) -> new Evidence(a.symbol(), a.currencies(), a.cells() + 1, a.example()));
		}
		List<Evidence> evidence = new ArrayList<>(bySymbol.values());
		evidence.sort(Comparator.comparingInt(Evidence::cells).reversed());
		return evidence.stream()
			.filter(e -> !e.currencies().isEmpty())
			.findFirst()
			.map(told -> new Detection(told.currencies().get(0), false, evidence))
			.orElseGet(() -> new Detection(otherwise, true, evidence));
	}

	private static String clip(String cell) {
		return cell.length() <= 40 ? cell : cell.substring(0, 40) + "…";
	}

	private static Map<String, List<String>> load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = CurrencySymbols.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource);
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, List<String>> symbols = new HashMap<>();
		properties.forEach((symbol, codes) -> {
			List<String> currencies = new ArrayList<>();
			for (String code : codes.toString().split("\\|")) {
				String iso = code.strip().toUpperCase(Locale.ROOT);
				if (!Money.isCurrency(iso)) {
					throw new IllegalStateException(resource + ": " + symbol + " names no ISO currency: " + code);
				}
				currencies.add(iso);
			}
			symbols.put(symbol.toString().strip().toUpperCase(Locale.ROOT), List.copyOf(currencies));
		});
		return Map.copyOf(symbols);
	}
}
