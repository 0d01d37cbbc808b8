package org.rapport.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The public data sets of {@code ../shared/data}, as the analytics tests upload them. */
public final class PublicData {

	/** Where the data sets are, beside the project. */
	public static final Path FOLDER = Path.of("..", "shared", "data");

	private PublicData() {
	}

	/** The CDNOW sample (whitespace columns: customer, sample id, yyyymmdd, CDs, dollars) as a CSV file. */
	public static String cdnowCsv() throws IOException {
		StringBuilder csv = new StringBuilder("customer,date,amount\n");
		for (String line : Files.readAllLines(FOLDER.resolve("CDNOW_sample.txt"))) {
			String[] cells = line.strip().split("\\s+");
			if (cells.length == 5) {
				csv.append(cells[0]).append(',').append(cells[2]).append(',').append(cells[4]).append('\n');
			}
		}
		return csv.toString();
	}

	/** A data set's file as it is. */
	public static byte[] bytes(String name) throws IOException {
		return Files.readAllBytes(FOLDER.resolve(name));
	}
}
