package org.rapport.analytics.internal.segments;

import java.util.List;

/**
 * What scaling did to each feature: the centre subtracted and the spread divided by, after {@code log(1 + x)} where
 * the scaling takes logarithms. It turns a new row into the clustering's units and a centroid back into the
 * features' own units.
 */
public record Scaler(Scaling scaling, List<String> features, double[] centres, double[] scales) {

	public Scaler {
		features = List.copyOf(features);
		centres = centres.clone();
		scales = scales.clone();
	}

	/** The row in the units that the clustering works in. */
	public double[] apply(double[] row) {
		double[] scaled = new double[row.length];
		for (int j = 0; j < row.length; j++) {
			double value = scaling == Scaling.LOG_STANDARDIZE ? Math.log1p(row[j]) : row[j];
			scaled[j] = (value - centres[j]) / scales[j];
		}
		return scaled;
	}

	/** The point of the clustering's units, such as a centroid, in the features' own units. */
	public double[] invert(double[] scaled) {
		double[] row = new double[scaled.length];
		for (int j = 0; j < scaled.length; j++) {
			double value = scaled[j] * scales[j] + centres[j];
			row[j] = scaling == Scaling.LOG_STANDARDIZE ? Math.expm1(value) : value;
		}
		return row;
	}

	/** How each feature's values are spread: the means and population standard deviations of the given columns. */
	static Scaler fit(Scaling scaling, List<String> features, double[][] rows) {
		int d = features.size();
		double[] centres = new double[d];
		double[] scales = new double[d];
		for (int j = 0; j < d; j++) {
			scales[j] = 1;
		}
		if (scaling == Scaling.NONE) {
			return new Scaler(scaling, features, centres, scales);
		}
		int n = rows.length;
		for (int j = 0; j < d; j++) {
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			double sum = 0;
			for (double[] row : rows) {
				double value = scaling == Scaling.LOG_STANDARDIZE ? Math.log1p(row[j]) : row[j];
				min = Math.min(min, value);
				max = Math.max(max, value);
				sum += value;
			}
			if (min == max) {
				// a constant column becomes exactly 0 rather than 0 / 0, and takes no part in any distance
				centres[j] = min;
				continue;
			}
			double mean = sum / n;
			// two passes rather than the sum of squares, which loses the digits of a large mean
			double squares = 0;
			for (double[] row : rows) {
				double value = (scaling == Scaling.LOG_STANDARDIZE ? Math.log1p(row[j]) : row[j]) - mean;
				squares += value * value;
			}
			centres[j] = mean;
			double sd = Math.sqrt(squares / n);
			scales[j] = sd > 0 ? sd : 1;
		}
		return new Scaler(scaling, features, centres, scales);
	}
}
