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
 * Reads an uploaded CSV file in its encoding (a byte-order mark at its start is left out) and with its delimiter:
 * fields quoted with double quotes that may hold delimiters, quotes and line breaks. Rows are numbered by CSV record,
 * the header being line 1. A cell that Rapport's own exports protected against formulas ({@code '=…}, see
 * {@link CsvCells}) reads without that quote.
 */
final class CsvSource {

	/** One row of the file with its record number. */
	record Row(long line, List<String> cells) {
	}

	private final Path file;
	private final FileEncoding encoding;
	private final char delimiter;

	CsvSource(Path file, FileEncoding encoding, char delimiter) {
		this.file = file;
		this.encoding = encoding;
		this.delimiter = delimiter;
	}

	/** The delimiter of the file's header line, see {@link Delimiter#detect(String)}. */
	static Delimiter detectDelimiter(Path file, FileEncoding encoding) {
		try (BufferedReader reader = reader(file, encoding)) {
			String first = reader.readLine();
			return first == null ? Delimiter.COMMA : Delimiter.detect(first);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The header cells, stripped. */
	List<String> headers() {
		try (CSVParser parser = parser()) {
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
	void forEachRow(long afterLine, Consumer<Row> action) {
		try (CSVParser parser = parser()) {
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
	List<Row> firstRows(int limit) {
		List<Row> rows = new ArrayList<>();
		try {
			forEachRow(0, row -> {
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

	/** How many data rows the file holds; fails on text the encoding does not read or quotes that never close. */
	int countRows() {
		int[] count = { 0 };
		forEachRow(0, row -> count[0]++);
		return count[0];
	}

	private CSVParser parser() throws IOException {
		return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get()
			.parse(reader(file, encoding));
	}

	private static BufferedReader reader(Path file, FileEncoding encoding) throws IOException {
		InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
		Reader decoded = new InputStreamReader(in, encoding.charset().newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
		BufferedReader reader = new BufferedReader(decoded, 1 << 16);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	/** Whether the failure is text that the file's encoding does not read. */
	static boolean isUndecodable(Throwable e) {
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
