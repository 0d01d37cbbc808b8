package org.rapport.integration.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rapport.web.CsvCells;

/**
 * Reads an uploaded CSV file: UTF-8 with or without a byte-order mark, comma- or semicolon-separated (judged by
 * the header line), fields quoted with double quotes that may hold separators, quotes and line breaks. Rows are
 * numbered by CSV record, the header being line 1. A cell that Rapport's own exports protected against formulas
 * ({@code '=…}, see {@link CsvCells}) reads without that quote.
 */
final class CsvSource {

	/** One row of the file with its record number. */
	record Row(long line, List<String> cells) {
	}

	private CsvSource() {
	}

	/** The separator the header line uses: a semicolon where it has more of those than commas outside quotes. */
	static char detectDelimiter(Path file) {
		try (BufferedReader reader = reader(file)) {
			String first = reader.readLine();
			if (first == null) {
				return ',';
			}
			int commas = 0;
			int semicolons = 0;
			boolean quoted = false;
			for (char c : first.toCharArray()) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && c == ',') {
					commas++;
				}
				else if (!quoted && c == ';') {
					semicolons++;
				}
			}
			return semicolons > commas ? ';' : ',';
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The header cells, stripped. */
	static List<String> headers(Path file, char delimiter) {
		try (CSVParser parser = parser(file, delimiter)) {
			Iterator<CSVRecord> records = parser.iterator();
			if (!records.hasNext()) {
				return List.of();
			}
			List<String> headers = new ArrayList<>();
			records.next().forEach(cell -> headers.add(CsvCells.restored(cell).strip()));
			return headers;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Hands every data row after the given line to the action, in file order. */
	static void forEachRow(Path file, char delimiter, long afterLine, Consumer<Row> action) {
		try (CSVParser parser = parser(file, delimiter)) {
			for (CSVRecord record : parser) {
				long line = record.getRecordNumber();
				if (line == 1 || line <= afterLine) {
					continue;
				}
				List<String> cells = new ArrayList<>(record.size());
				record.forEach(cell -> cells.add(CsvCells.restored(cell)));
				if (cells.size() == 1 && cells.get(0).isBlank()) {
					continue;
				}
				action.accept(new Row(line, cells));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The first data rows. */
	static List<Row> firstRows(Path file, char delimiter, int limit) {
		List<Row> rows = new ArrayList<>();
		try {
			forEachRow(file, delimiter, 0, row -> {
				if (rows.size() >= limit) {
					throw new Enough();
				}
				rows.add(row);
			});
		}
		catch (Enough enough) {
			// read as many as asked for
		}
		return rows;
	}

	/** How many data rows the file holds; fails on text that is not UTF-8 or quotes that never close. */
	static int countRows(Path file, char delimiter) {
		int[] count = { 0 };
		forEachRow(file, delimiter, 0, row -> count[0]++);
		return count[0];
	}

	private static CSVParser parser(Path file, char delimiter) throws IOException {
		return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get().parse(reader(file));
	}

	private static BufferedReader reader(Path file) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		in.mark(3);
		byte[] bom = in.readNBytes(3);
		if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
			in.reset();
		}
		Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
		return new BufferedReader(reader, 1 << 16);
	}

	static boolean isNotUtf8(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof CharacterCodingException) {
				return true;
			}
		}
		return false;
	}

	private static final class Enough extends RuntimeException {

		Enough() {
			super(null, null, false, false);
		}
	}
}
