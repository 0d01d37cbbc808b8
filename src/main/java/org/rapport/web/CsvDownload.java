package org.rapport.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams a list as a CSV download: UTF-8 with a byte-order mark (so that spreadsheet programs read Chinese
 * text right), a header row, then the rows as the list hands them over. Every cell, header or value, goes through
 * {@link CsvCells#neutral}, so that no CSV the application writes carries a formula.
 */
public final class CsvDownload {

	private CsvDownload() {
	}

	/** Writes the download; the producer calls the row writer it is given once per row. */
	public static void write(HttpServletResponse response, String filename, String[] header,
			Consumer<Rows> producer) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		String[] neutralHeader = java.util.Arrays.stream(header).map(CsvCells::neutral).toArray(String[]::new);
		try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(neutralHeader).get().print(writer)) {
			producer.accept(values -> {
				try {
					csv.printRecord(java.util.Arrays.stream(values).map(CsvCells::neutral));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	/** The header of a list's standard columns followed by more, such as its custom fields. */
	public static String[] header(String[] standard, java.util.List<String> more) {
		String[] header = java.util.Arrays.copyOf(standard, standard.length + more.size());
		for (int i = 0; i < more.size(); i++) {
			header[standard.length + i] = more.get(i);
		}
		return header;
	}

	/** A row's standard values followed by more. */
	public static Object[] values(Object[] standard, java.util.List<?> more) {
		Object[] values = java.util.Arrays.copyOf(standard, standard.length + more.size());
		for (int i = 0; i < more.size(); i++) {
			values[standard.length + i] = more.get(i);
		}
		return values;
	}

	/** Writes one row of values. */
	@FunctionalInterface
	public interface Rows {

		void row(Object... values);
	}
}
