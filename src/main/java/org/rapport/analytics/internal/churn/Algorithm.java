package org.rapport.analytics.internal.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rapport.shared.InvalidField;

/**
 * The learners that churn prediction compares, each named by the key that requests and results use.
 */
public enum Algorithm {

	/** Logistic regression on standardised features. */
	LOGISTIC("logistic"),

	/** One depth-limited regression tree on the 0/1 target, whose leaves hold the share of churned rows. */
	TREE("tree"),

	/** A seeded random forest. */
	FOREST("forest"),

	/** Gradient-boosted trees. */
	GBT("gbt");

	/** The request parameter that names the algorithms. */
	public static final String FIELD = "algorithms";

	private final String key;

	Algorithm(String key) {
		this.key = key;
	}

	/** The name of the algorithm in requests and results, such as {@code logistic}. */
	public String key() {
		return key;
	}

	/** The algorithm of a key, refused as {@code algorithms} when unknown. */
	public static Algorithm of(String key) {
		String wanted = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(algorithm -> algorithm.key.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new InvalidField(FIELD, "analytics.churn.unknownAlgorithm",
					"Unknown algorithm " + key + ": choose logistic, tree, forest or gbt", key));
	}

	/** The algorithms of a comma-separated list in its order without repeats, all four when the list is blank. */
	public static List<Algorithm> parse(String keys) {
		if (keys == null || keys.isBlank()) {
			return List.of(values());
		}
		List<Algorithm> algorithms = new ArrayList<>();
		for (String key : keys.split(",")) {
			if (key.isBlank()) {
				continue;
			}
			Algorithm algorithm = of(key);
			if (!algorithms.contains(algorithm)) {
				algorithms.add(algorithm);
			}
		}
		return List.copyOf(algorithms);
	}
}
