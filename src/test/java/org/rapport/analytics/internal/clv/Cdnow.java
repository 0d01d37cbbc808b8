package org.rapport.analytics.internal.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The CDNOW sample of Fader and Hardie in {@code ../shared/data}: its transactions, and the published summary of its
 * 2,357 customers at the end of the calibration period, 1997-09-30, in weeks.
 */
final class Cdnow {

	static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

	/** The holdout runs from 1997-10-01 to the end of the data, 1998-06-30. */
	static final int HOLDOUT_WEEKS = 39;

	private static List<Purchase> purchases;

	private static List<RepeatSummary> summaries;

	private Cdnow() {
	}

	static Path file(String name) {
		return Path.of("..", "shared", "data", name);
	}

	/** The transactions, the customer named by the sample's id as the summary names it. */
	static synchronized List<Purchase> purchases() {
		if (purchases == null) {
			purchases = lines("CDNOW_sample.txt").stream().map(String::trim).filter(line -> !line.isEmpty()).map(line -> {
				String[] columns = line.split("\\s+");
				return new Purchase(String.valueOf(Integer.parseInt(columns[1])),
						LocalDate.parse(columns[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(columns[4]));
			}).toList();
		}
		return purchases;
	}

	/** The published summary {@code ID,x,t_x,T,zbar}, rounded to two decimals. */
	static synchronized List<RepeatSummary> summaries() {
		if (summaries == null) {
			summaries = lines("cdnow_customers_summary_with_transactions.csv").stream()
				.skip(1)
				.filter(line -> !line.isBlank())
				.map(line -> {
					String[] columns = line.split(",");
					return new RepeatSummary(columns[0], Integer.parseInt(columns[1]), Double.parseDouble(columns[2]),
							Double.parseDouble(columns[3]), Double.parseDouble(columns[4]));
				})
				.toList();
		}
		return summaries;
	}

	private static List<String> lines(String name) {
		try {
			return Files.readAllLines(file(name));
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
	}
}
