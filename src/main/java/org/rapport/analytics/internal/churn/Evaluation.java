package org.rapport.analytics.internal.churn;

import java.util.Comparator;
import java.util.List;

/**
 * The comparison of algorithms by k-fold cross-validation on a table: its rows, how many churned, how blank cells
 * were filled, the accuracy of predicting that nobody churns, and each algorithm's figures in the order asked.
 */
public record Evaluation(int rows, int churned, int folds, String imputation, double noChurnAccuracy,
		List<AlgorithmResult> results) {

	public Evaluation {
		results = List.copyOf(results);
	}

	/** The result with the highest AUC, the first asked among equals. */
	public AlgorithmResult best() {
		return results.stream()
			.max(Comparator.comparingDouble(AlgorithmResult::auc).thenComparing(result -> -results.indexOf(result)))
			.orElseThrow();
	}

	/** The result of an algorithm, if it was compared. */
	public java.util.Optional<AlgorithmResult> result(Algorithm algorithm) {
		return results.stream().filter(result -> result.algorithm() == algorithm).findFirst();
	}
}
