package org.rapport.analytics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rapport.shared.InvalidField;

/**
 * A file of rows that someone uploaded to run a model on, read whole: a header line that names the columns, then
 * rows of text, in UTF-8 (a byte-order mark is skipped), separated by commas, semicolons or tabs as the header is.
 * Every refusal names the request field that brought the file or the column, and the line at fault.
 */
public final class UploadedTable {

	private final String field;
	private final List<String> columns;
	private final Map<String, Integer> index;
	private final List<String[]> rows;
	private final int[] lines;

	private UploadedTable(String field, List<String> columns, List<String[]> rows, int[] lines) {
		this.field = field;
		this.columns = List.copyOf(columns);
		this.index = new HashMap<>();
		for (int i = 0; i < columns.size(); i++) {
			index.putIfAbsent(columns.get(i).toLowerCase(Locale.ROOT), i);
		}
		this.rows = rows;
		this.lines = lines;
	}

	/**
	 * Reads the file that came in the request field {@code field}; refuses an empty one, one without rows, a row with
	 * more or fewer cells than the header, text that is not UTF-8, and more than {@code maxRows} rows.
	 */
	public static UploadedTable read(String field, InputStream in, int maxRows) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
			reader.mark(1 << 16);
			String header = reader.readLine();
			while (header != null && header.isBlank()) {
				header = reader.readLine();
			}
			if (header == null) {
				throw new InvalidField(field, "analytics.upload.empty", "The file is empty");
			}
			reader.reset();
			return parse(field, reader, delimiterOf(header), maxRows);
		}
		catch (CharacterCodingException notUtf8) {
			throw new InvalidField(field, "analytics.upload.encoding", "The file is not text in UTF-8");
		}
		catch (UncheckedIOException broken) {
			if (broken.getCause() instanceof CharacterCodingException) {
				throw new InvalidField(field, "analytics.upload.encoding", "The file is not text in UTF-8");
			}
			throw new InvalidField(field, "analytics.upload.unreadable", "The file cannot be read as CSV: {0}",
					broken.getCause().getMessage());
		}
		catch (IOException unreadable) {
			throw new InvalidField(field, "analytics.upload.unreadable", "The file cannot be read as CSV: {0}",
					unreadable.getMessage());
		}
	}

	private static UploadedTable parse(String field, Reader reader, char delimiter, int maxRows) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		List<String> columns = null;
		List<String[]> rows = new ArrayList<>();
		int[] lines = new int[16];
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord record : parser) {
				String[] cells = record.values();
				if (columns == null) {
					if (cells.length > 0 && cells[0].startsWith("\uFEFF")) {
						cells[0] = cells[0].substring(1);
					}
					columns = List.of(cells);
					continue;
				}
				int line = (int) parser.getCurrentLineNumber();
				if (cells.length != columns.size()) {
					throw new InvalidField(field, "analytics.upload.cells",
							"Line {0} has {1} cells where the header names {2} columns", line, cells.length,
							columns.size());
				}
				if (rows.size() == maxRows) {
					throw new InvalidField(field, "analytics.upload.tooManyRows", "The file has more than {0} rows",
							maxRows);
				}
				if (rows.size() == lines.length) {
					lines = java.util.Arrays.copyOf(lines, lines.length * 2);
				}
				lines[rows.size()] = line;
				rows.add(cells);
			}
		}
		catch (IllegalStateException | java.io.UncheckedIOException malformed) {
			if (malformed.getCause() instanceof CharacterCodingException coding) {
				throw coding;
			}
			throw new InvalidField(field, "analytics.upload.unreadable", "The file cannot be read as CSV: {0}",
					malformed.getMessage());
		}
		if (rows.isEmpty()) {
			throw new InvalidField(field, "analytics.upload.noRows", "The file has a header but no rows");
		}
		return new UploadedTable(field, columns, rows, lines);
	}

	/** The separator the header uses: the one of comma, semicolon and tab it holds most of. */
	private static char delimiterOf(String header) {
		char best = ',';
		long most = header.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] { ';', '\t' }) {
			long count = header.chars().filter(c -> c == candidate).count();
			if (count > most) {
				best = candidate;
				most = count;
			}
		}
		return best;
	}

	/** The names of the columns, as the header gives them. */
	public List<String> columns() {
		return columns;
	}

	/** How many rows the file has. */
	public int size() {
		return rows.size();
	}

	/** The cells of the row, as the file gives them (trimmed). */
	public String[] row(int row) {
		return rows.get(row);
	}

	/** All rows, in the file's order. */
	public List<String[]> rows() {
		return java.util.Collections.unmodifiableList(rows);
	}

	/** The line of the file the row is on, the header being line 1. */
	public int line(int row) {
		return lines[row];
	}

	/**
	 * The position of the column that the request field {@code parameter} names, in any case; refuses a name the
	 * header does not have, naming that field.
	 */
	public int column(String parameter, String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidField(parameter, "analytics.upload.columnMissing", "Name a column of the file");
		}
		Integer position = index.get(name.strip().toLowerCase(Locale.ROOT));
		if (position == null) {
			throw new InvalidField(parameter, "analytics.upload.noSuchColumn",
					"The file has no column \"{0}\"; it has {1}", name.strip(), String.join(", ", columns));
		}
		return position;
	}

	/**
	 * The cell as a number; refuses text that is not one, or a blank, naming the request field of the column and the
	 * line.
	 */
	public double number(int row, int column, String parameter) {
		String cell = rows.get(row)[column];
		try {
			double value = Double.parseDouble(cell);
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException notANumber) {
			// answered below, with the line
		}
		throw new InvalidField(parameter, "analytics.upload.notANumber",
				"Line {0}: \"{1}\" in column {2} is not a number", lines[row], cell, columns.get(column));
	}

	/** The request field the file came in. */
	public String field() {
		return field;
	}
}
