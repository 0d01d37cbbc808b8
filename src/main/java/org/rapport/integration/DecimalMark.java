package org.rapport.integration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a file writes the numbers it holds: with a decimal point ({@code 1,234.50}) or a decimal comma
 * ({@code 1.234,50}). Every amount, quantity and number of an import is read by its file's mark, chosen when the
 * columns are mapped or detected from the file; a number that does not read by it is rejected, never changed. The
 * symbol or code of a currency written around an amount ({@code $1,200}, {@code 1.200,00 €}, {@code CHF 100}) is
 * read with it ({@link #written}), see {@link CurrencySymbols}.
 */
public enum DecimalMark {

	/** {@code 1234.50}, {@code 1,234.50}: the decimal point, commas between thousands. */
	POINT('.', ','),

	/** {@code 1234,50}, {@code 1.234,50}: the decimal comma, dots between thousands. */
	COMMA(',', '.');

	/**
	 * At most 4 digits after the mark, as the database keeps amounts and quantities; how large a number may be is
	 * the bound of its column ({@link org.rapport.shared.Money#LIMIT} for amounts), which names the problem.
	 */
	private static final int FRACTION_DIGITS = 4;

	/** Spaces people put between thousands: plain, no-break and narrow no-break. */
	private static final Pattern SPACES = Pattern.compile("(?<=\\d)[ \\u00a0\\u202f](?=\\d{3}(\\D|$))");

	private final char mark;
	private final char grouping;
	private final Pattern number;

	DecimalMark(char mark, char grouping) {
		this.mark = mark;
		this.grouping = grouping;
		String g = Pattern.quote(String.valueOf(grouping));
		String m = Pattern.quote(String.valueOf(mark));
		this.number = Pattern.compile("-?(\\d{1,3}(" + g + "\\d{3})+|\\d+)(" + m + "\\d+)?");
	}

	/** The character between the whole number and its fraction. */
	public char mark() {
		return mark;
	}

	/**
	 * The number the text holds by this mark, a currency's symbol or code around it left aside, or null when it holds
	 * none by it: {@code 1,50} is no number with a decimal point, as {@code 1.5} is none with a decimal comma.
	 */
	public BigDecimal read(String text) {
		CurrencySymbols.Split split = CurrencySymbols.split(text);
		return split == null ? null : parse(split.number());
	}

	/**
	 * An amount cell read by this mark with the currency it is written in: its number, and the symbol or code written
	 * around it with the currencies it may stand for; null when the cell holds no number by this mark.
	 */
	public CurrencySymbols.Written written(String cell) {
		CurrencySymbols.Split split = CurrencySymbols.split(cell);
		BigDecimal amount = split == null ? null : parse(split.number());
		return amount == null ? null
				: new CurrencySymbols.Written(cell.strip(), amount, split.symbol(), split.currencies(), split.problem());
	}

	/** The number of the bare text of one, without anything around it, by this mark, or null. */
	private BigDecimal parse(String text) {
		String bare = SPACES.matcher(text).replaceAll("");
		if (!number.matcher(bare).matches()) {
			return null;
		}
		String plain = bare.replace(String.valueOf(grouping), "").replace(mark, '.');
		int point = plain.indexOf('.');
		int fraction = point < 0 ? 0 : plain.length() - point - 1;
		if (fraction > FRACTION_DIGITS) {
			return null;
		}
		return new BigDecimal(plain);
	}

	/** The mark the cells show, judged as one column's by {@link #detect(Map, char)}. */
	public static DecimalMark detect(Iterable<String> cells, char delimiter) {
		return detect(Map.of("", cells), delimiter).mark();
	}

	/**
	 * What one column's cells told: how many of them read as a number by this mark only, and the first of them.
	 *
	 * @param column the column's header
	 */
	public record Evidence(String column, DecimalMark mark, int cells, String example) {
	}

	/**
	 * The mark a file's numbers are read by and why.
	 *
	 * @param assumed whether its cells did not tell (as many read by one mark only as by the other), and the mark is
	 * the one assumed for the file's separator
	 * @param evidence what each column told, the columns that told most first
	 */
	public record Detection(DecimalMark mark, boolean assumed, List<Evidence> evidence) {

		public Detection {
			evidence = List.copyOf(evidence);
		}
	}

	/**
	 * The mark of a file's numbers, judged by all the cells of its numeric columns (header to cells): the mark by
	 * which more cells read as numbers than by the other, counted over all columns. When they do not tell (whole
	 * numbers, {@code 1,500}), it is assumed: the decimal comma for files separated by semicolons or tabs, as
	 * spreadsheets write them where the comma is the decimal mark, else the decimal point.
	 */
	public static Detection detect(Map<String, ? extends Iterable<String>> columns, char delimiter) {
		List<Evidence> evidence = new ArrayList<>();
		int point = 0;
		int comma = 0;
		for (Map.Entry<String, ? extends Iterable<String>> column : columns.entrySet()) {
			int byPointOnly = 0;
			int byCommaOnly = 0;
			String pointExample = null;
			String commaExample = null;
			for (String cell : column.getValue()) {
				if (cell == null || cell.isBlank()) {
					continue;
				}
				boolean byPoint = POINT.read(cell) != null;
				boolean byComma = COMMA.read(cell) != null;
				if (byPoint && !byComma) {
					byPointOnly++;
					pointExample = pointExample == null ? cell.strip() : pointExample;
				}
				else if (byComma && !byPoint) {
					byCommaOnly++;
					commaExample = commaExample == null ? cell.strip() : commaExample;
				}
			}
			if (byPointOnly > 0) {
				evidence.add(new Evidence(column.getKey(), POINT, byPointOnly, clip(pointExample)));
			}
			if (byCommaOnly > 0) {
				evidence.add(new Evidence(column.getKey(), COMMA, byCommaOnly, clip(commaExample)));
			}
			point += byPointOnly;
			comma += byCommaOnly;
		}
		evidence.sort(Comparator.comparingInt(Evidence::cells).reversed());
		if (point != comma) {
			return new Detection(point > comma ? POINT : COMMA, false, evidence);
		}
		return new Detection(delimiter == ';' || delimiter == '\t' ? COMMA : POINT, true, evidence);
	}

	private static String clip(String cell) {
		return cell.length() <= 40 ? cell : cell.substring(0, 40) + "…";
	}
}
