package org.rapport.analytics.internal.churn;

import java.util.List;

/**
 * How an algorithm did in cross-validation: the area under the ROC curve (the mean over the folds), accuracy,
 * precision and recall of churn at probability 0.5 over all held-out rows, and the ROC curve of the held-out scores
 * pooled, thinned for a chart.
 */
public record AlgorithmResult(Algorithm algorithm, double auc, double accuracy, double precision, double recall,
		List<RocPoint> roc) {

	public AlgorithmResult {
		roc = List.copyOf(roc);
	}
}
