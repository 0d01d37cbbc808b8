package org.rapport.analytics.internal.churn;

import java.io.Serial;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.rapport.shared.InvalidField;

/**
 * How the columns of a table become the model's features: a number column is one feature, its blank cells missing
 * ({@code NaN}) until the training rows' median fills them; a text column is one 0/1 feature per level, named
 * {@code column=level}, and a blank or unseen text sets none of them. Training and scoring encode through it, so
 * that a row is read the same way in both.
 */
final class Encoding implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The field that names the uploaded file in requests. */
	static final String FILE = "file";

	/** Plain decimal numbers, so that {@code NaN}, {@code Infinity} and Java's {@code 1d} or hexadecimal read as text. */
	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	/** A source column and where its features start. */
	record Column(String name, boolean numeric, List<String> levels, int first) implements Serializable {

		Column {
			levels = List.copyOf(levels);
		}

		/** How many features the column gives. */
		int width() {
			return numeric ? 1 : levels.size();
		}
	}

	private final List<Column> columns;

	private final List<String> features;

	private Encoding(List<Column> columns) {
		this.columns = List.copyOf(columns);
		List<String> names = new ArrayList<>();
		for (Column column : columns) {
			if (column.numeric()) {
				names.add(column.name());
			}
			else {
				column.levels().forEach(level -> names.add(column.name() + "=" + level));
			}
		}
		this.features = List.copyOf(names);
	}

	/** An encoding of number columns only, one feature each. */
	static Encoding numeric(List<String> names) {
		List<Column> columns = new ArrayList<>();
		for (int j = 0; j < names.size(); j++) {
			columns.add(new Column(names.get(j), true, List.of(), j));
		}
		return new Encoding(columns);
	}

	/** An encoding that lays out the given number columns and text columns with their levels in this order. */
	static Encoding of(List<String> names, List<List<String>> levels) {
		List<Column> columns = new ArrayList<>();
		int first = 0;
		for (int c = 0; c < names.size(); c++) {
			List<String> columnLevels = levels.get(c);
			Column column = new Column(names.get(c), columnLevels == null, columnLevels == null ? List.of() : columnLevels,
					first);
			columns.add(column);
			first += column.width();
		}
		return new Encoding(columns);
	}

	List<Column> columns() {
		return columns;
	}

	List<String> features() {
		return features;
	}

	int width() {
		return features.size();
	}

	/** Which features hold numbers, which blanks may leave missing, rather than a text's 0/1. */
	boolean[] numericFeatures() {
		boolean[] numeric = new boolean[width()];
		for (Column column : columns) {
			if (column.numeric()) {
				numeric[column.first()] = true;
			}
		}
		return numeric;
	}

	/** Whether a cell is a plain decimal number. */
	static boolean isNumber(String cell) {
		return NUMBER.matcher(cell.trim()).matches();
	}

	/**
	 * The features of text rows under a header that names every column of the encoding (others are ignored); the
	 * line of a row counts the header as line 1.
	 */
	double[][] encode(List<String> header, List<String[]> rows) {
		int[] positions = positions(header);
		double[][] values = new double[rows.size()][];
		for (int i = 0; i < rows.size(); i++) {
			values[i] = encode(positions, header.size(), rows.get(i), i + 2);
		}
		return values;
	}

	/** Where each column of the encoding sits in a header, refused as {@code file} when one is missing. */
	int[] positions(List<String> header) {
		Map<String, Integer> index = new HashMap<>();
		for (int k = 0; k < header.size(); k++) {
			index.putIfAbsent(header.get(k) == null ? "" : header.get(k).trim(), k);
		}
		int[] positions = new int[columns.size()];
		for (int c = 0; c < columns.size(); c++) {
			String name = columns.get(c).name();
			Integer position = index.get(name);
			if (position == null) {
				throw new InvalidField(FILE, "analytics.churn.missingColumn", "The file has no column " + name, name);
			}
			positions[c] = position;
		}
		return positions;
	}

	/** The features of one text row, whose cells sit at the given positions. */
	double[] encode(int[] positions, int headerWidth, String[] row, int line) {
		requireWidth(row, headerWidth, line);
		double[] values = new double[width()];
		for (int c = 0; c < columns.size(); c++) {
			Column column = columns.get(c);
			String cell = row[positions[c]] == null ? "" : row[positions[c]].trim();
			if (column.numeric()) {
				if (cell.isEmpty()) {
					values[column.first()] = Double.NaN;
				}
				else if (isNumber(cell)) {
					values[column.first()] = Double.parseDouble(cell);
				}
				else {
					throw new InvalidField(FILE, "analytics.churn.notANumber",
							"Line " + line + ": " + cell + " in the column " + column.name() + " is not a number", line, cell,
							column.name());
				}
			}
			else {
				int level = column.levels().indexOf(cell);
				if (level >= 0) {
					values[column.first() + level] = 1;
				}
			}
		}
		return values;
	}

	/** Refuses a row whose cells do not match the header, naming its line. */
	static void requireWidth(String[] row, int headerWidth, int line) {
		int cells = row == null ? 0 : row.length;
		if (cells != headerWidth) {
			throw new InvalidField(FILE, "analytics.churn.rowWidth",
					"Line " + line + " has " + cells + " cells where the header has " + headerWidth, line, cells,
					headerWidth);
		}
	}

	/** What a row holds in a column, as its level or number, blank when it holds none. */
	String display(Column column, double[] row) {
		if (column.numeric()) {
			double value = row[column.first()];
			return Double.isNaN(value) ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}
		for (int level = 0; level < column.levels().size(); level++) {
			if (row[column.first() + level] == 1) {
				return column.levels().get(level);
			}
		}
		return "";
	}
}
