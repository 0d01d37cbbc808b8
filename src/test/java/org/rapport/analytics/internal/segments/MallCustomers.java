package org.rapport.analytics.internal.segments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** The Mall customers data set of {@code ../shared/data}: annual income (k$) and spending score (1-100). */
final class MallCustomers {

	static final List<String> FEATURES = List.of("AnnualIncome", "SpendingScore");

	private MallCustomers() {
	}

	/** Annual income and spending score of the 200 customers, in the file's order. */
	static double[][] incomeAndSpending() {
		try {
			List<String> lines = Files.readAllLines(Path.of("..", "shared", "data", "Mall_Customers.csv"));
			// CustomerID,Genre,Age,AnnualIncome,SpendingScore
			return lines.stream()
				.skip(1)
				.filter(line -> !line.isBlank())
				.map(line -> line.split(","))
				.map(cells -> new double[] { Double.parseDouble(cells[3]), Double.parseDouble(cells[4]) })
				.toArray(double[][]::new);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Smile logs every K-Means iteration at INFO: the application's configuration quiets it, plain tests here. */
	static void quietSmile() {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("smile")).setLevel(Level.WARN);
	}

	/** Both features standardised, as the published figures take them. */
	static Features standardised() {
		return Features.of(FEATURES, incomeAndSpending(), Scaling.STANDARDIZE);
	}
}
