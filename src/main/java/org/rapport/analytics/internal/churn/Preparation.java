package org.rapport.analytics.internal.churn;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What is learnt from the training rows before a model: the median of each number feature, which fills its missing
 * values, and for logistic regression the mean and standard deviation that standardise every feature. Learnt from
 * the training part of a fold only, so that the held-out rows stay unseen.
 */
final class Preparation implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final double[] medians;

	private final double[] means;

	private final double[] scales;

	private Preparation(double[] medians, double[] means, double[] scales) {
		this.medians = medians;
		this.means = means;
		this.scales = scales;
	}

	/** Learns the medians, and the standardisation when asked, from the given rows of a matrix. */
	static Preparation fit(boolean[] numeric, double[][] values, int[] rows, boolean standardise) {
		int width = numeric.length;
		double[] medians = new double[width];
		double[] column = new double[rows.length];
		for (int j = 0; j < width; j++) {
			if (!numeric[j]) {
				continue;
			}
			int present = 0;
			for (int row : rows) {
				double value = values[row][j];
				if (!Double.isNaN(value)) {
					column[present++] = value;
				}
			}
			medians[j] = median(column, present);
		}
		Preparation imputing = new Preparation(medians, null, null);
		if (!standardise) {
			return imputing;
		}
		double[] means = new double[width];
		double[] scales = new double[width];
		double[][] filled = new double[rows.length][];
		for (int r = 0; r < rows.length; r++) {
			filled[r] = imputing.impute(values[rows[r]]);
		}
		for (int j = 0; j < width; j++) {
			double sum = 0;
			for (double[] row : filled) {
				sum += row[j];
			}
			double mean = sum / rows.length;
			double squares = 0;
			for (double[] row : filled) {
				squares += (row[j] - mean) * (row[j] - mean);
			}
			double sd = Math.sqrt(squares / rows.length);
			means[j] = mean;
			// a constant feature carries nothing; a scale of 1 keeps it at 0 instead of dividing by 0
			scales[j] = sd > 1e-12 ? sd : 1;
		}
		return new Preparation(medians, means, scales);
	}

	/** The median of the first {@code n} values, 0 when there are none (a column left wholly blank). */
	private static double median(double[] values, int n) {
		if (n == 0) {
			return 0;
		}
		double[] sorted = Arrays.copyOf(values, n);
		Arrays.sort(sorted);
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** Whether the features are standardised. */
	boolean standardises() {
		return means != null;
	}

	/** A row with its missing numbers filled by the medians. */
	double[] impute(double[] row) {
		double[] filled = row.clone();
		for (int j = 0; j < filled.length; j++) {
			if (Double.isNaN(filled[j])) {
				filled[j] = medians[j];
			}
		}
		return filled;
	}

	/** A filled row as the model reads it: standardised when the preparation standardises, else as it is. */
	double[] scale(double[] filled) {
		if (means == null) {
			return filled;
		}
		double[] scaled = new double[filled.length];
		for (int j = 0; j < filled.length; j++) {
			scaled[j] = (filled[j] - means[j]) / scales[j];
		}
		return scaled;
	}

	/** A row as the model reads it. */
	double[] apply(double[] row) {
		return scale(impute(row));
	}

	/** The median that fills a feature's missing values. */
	double median(int feature) {
		return medians[feature];
	}
}
