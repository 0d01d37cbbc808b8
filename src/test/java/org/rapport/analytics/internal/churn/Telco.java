package org.rapport.analytics.internal.churn;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.LoggerFactory;

/**
 * The IBM Telco customer churn data of {@code ../shared/data}, read as the web layer reads an upload: a header and
 * rows of text. The analytics benchmark reads it so too.
 */
public record Telco(List<String> columns, List<String[]> rows) {

	static final Path FILE = Path.of("..", "shared", "data", "telco-customer-churn.csv");

	/** Reads the file once per test class; Smile is quieted, as the application's configuration does. */
	public static Telco load() {
		// Smile logs every tree at INFO, which a plain unit test would print
		((Logger) LoggerFactory.getLogger("smile")).setLevel(Level.WARN);
		try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
			List<String> columns = null;
			List<String[]> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				String[] cells = record.toList().toArray(String[]::new);
				if (columns == null) {
					columns = List.of(cells);
				}
				else {
					rows.add(cells);
				}
			}
			return new Telco(columns, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The table that the published figures are about: churn is {@code Yes}, {@code customerID} names the row. */
	public ChurnTable table() {
		return ChurnTable.fromText(columns, rows, "Churn", "Yes", "customerID");
	}
}
