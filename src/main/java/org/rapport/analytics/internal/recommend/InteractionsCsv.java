package org.rapport.analytics.internal.recommend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.rapport.shared.InvalidField;

/**
 * Reads user-item interactions from an uploaded CSV file with a header line: the two columns named in the request,
 * other columns (a rating, a date) ignored. The delimiter is the one of comma, semicolon, tab and bar that the header
 * holds most of; cells may be quoted. A repeated pair counts once.
 */
public final class InteractionsCsv {

	/** The request field that names the users' column. */
	public static final String USER_COLUMN = "userColumn";

	/** The request field that names the items' column. */
	public static final String ITEM_COLUMN = "itemColumn";

	private static final char[] DELIMITERS = { ',', ';', '\t', '|' };

	private InteractionsCsv() {
	}

	/**
	 * The interactions of a UTF-8 file (a byte-order mark at its start is skipped); {@code field} names the upload in
	 * refusals, such as {@code train} or {@code test}.
	 */
	public static Interactions<String, String> read(InputStream in, String field, String userColumn,
			String itemColumn) {
		Reader decoded = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
		return read(decoded, field, userColumn, itemColumn);
	}

	/** The interactions of a CSV text; {@code field} names the upload in refusals. */
	public static Interactions<String, String> read(Reader reader, String field, String userColumn,
			String itemColumn) {
		String user = requireColumnName(USER_COLUMN, userColumn);
		String item = requireColumnName(ITEM_COLUMN, itemColumn);
		Interactions.Builder<String, String> interactions = Interactions.builder();
		try (BufferedReader text = new BufferedReader(reader, 1 << 16)) {
			text.mark(1 << 16);
			String first = text.readLine();
			if (first == null || first.isBlank()) {
				throw new InvalidField(field, "analytics.recommendations.noInteractions", "This set holds no interactions");
			}
			text.reset();
			if (text.read() != '\uFEFF') {
				text.reset();
			}
			CSVFormat format = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiterOf(first))
				.setIgnoreEmptyLines(true)
				.setTrim(true)
				.get();
			try (CSVParser parser = format.parse(text)) {
				int userAt = -1;
				int itemAt = -1;
				for (CSVRecord record : parser) {
					if (record.getRecordNumber() == 1) {
						List<String> header = new ArrayList<>();
						record.forEach(cell -> header.add(cell.replace("\uFEFF", "").strip()));
						userAt = columnOf(header, USER_COLUMN, user);
						itemAt = columnOf(header, ITEM_COLUMN, item);
						continue;
					}
					if (record.size() == 1 && record.get(0).isBlank()) {
						continue;
					}
					interactions.add(cell(record, userAt, user, field), cell(record, itemAt, item, field));
				}
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			throw new InvalidField(field, "analytics.recommendations.unreadableFile",
					"The file cannot be read as UTF-8 CSV: " + e.getMessage(), e.getMessage());
		}
		return interactions.build();
	}

	private static String requireColumnName(String field, String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidField(field, "analytics.recommendations.columnRequired", "Name a column of the file");
		}
		return name.strip();
	}

	private static int columnOf(List<String> header, String field, String name) {
		int at = header.indexOf(name);
		if (at < 0) {
			// a header written in another case is still the column meant
			for (int c = 0; c < header.size(); c++) {
				if (header.get(c).equalsIgnoreCase(name)) {
					return c;
				}
			}
			throw new InvalidField(field, "analytics.recommendations.missingColumn", "The file has no column " + name, name);
		}
		return at;
	}

	private static String cell(CSVRecord record, int at, String column, String field) {
		String value = at < record.size() ? record.get(at) : "";
		if (value.isEmpty()) {
			throw new InvalidField(field, "analytics.recommendations.blankCell", "Row " + record.getRecordNumber() + " has no " + column,
					record.getRecordNumber(), column);
		}
		return value;
	}

	private static char delimiterOf(String header) {
		char chosen = ',';
		long most = 0;
		for (char delimiter : DELIMITERS) {
			long count = header.chars().filter(c -> c == delimiter).count();
			if (count > most) {
				most = count;
				chosen = delimiter;
			}
		}
		return chosen;
	}
}
