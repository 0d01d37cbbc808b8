package org.rapport.analytics.internal.churn;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.rapport.analytics.internal.churn.Encoding.Column;

/**
 * What each column holds across the training rows, as a few values with weights: a number column's deciles
 * (the midpoints of ten equal shares of its non-blank values), a text column's levels (and none, for blanks) by how
 * often they occur. A tree model's factor for a row compares its score with the scores that the column's usual
 * values give: against the most frequent value alone, the most common contract would never count as a factor.
 */
final class Background implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final int QUANTILES = 10;

	/** Per column, the alternative values of its features. */
	private final double[][][] values;

	/** Per column, the weight of each alternative; they add up to 1. */
	private final double[][] weights;

	private Background(double[][][] values, double[][] weights) {
		this.values = values;
		this.weights = weights;
	}

	/** The columns' usual values among the given rows. */
	static Background of(Encoding encoding, double[][] table, int[] rows) {
		List<Column> columns = encoding.columns();
		double[][][] values = new double[columns.size()][][];
		double[][] weights = new double[columns.size()][];
		for (int c = 0; c < columns.size(); c++) {
			Column column = columns.get(c);
			if (column.numeric()) {
				double[] present = Arrays.stream(rows)
					.mapToDouble(row -> table[row][column.first()])
					.filter(value -> !Double.isNaN(value))
					.sorted()
					.toArray();
				if (present.length == 0) {
					values[c] = new double[][] { { 0 } };
					weights[c] = new double[] { 1 };
					continue;
				}
				values[c] = new double[QUANTILES][];
				weights[c] = new double[QUANTILES];
				for (int q = 0; q < QUANTILES; q++) {
					int at = (int) Math.min(present.length - 1, Math.floor((q + 0.5) * present.length / QUANTILES));
					values[c][q] = new double[] { present[at] };
					weights[c][q] = 1.0 / QUANTILES;
				}
			}
			else {
				int width = column.width();
				int[] counts = new int[width + 1];
				for (int row : rows) {
					int level = width;
					for (int l = 0; l < width; l++) {
						if (table[row][column.first() + l] == 1) {
							level = l;
							break;
						}
					}
					counts[level]++;
				}
				List<double[]> alternatives = new ArrayList<>();
				List<Double> shares = new ArrayList<>();
				for (int level = 0; level <= width; level++) {
					if (counts[level] > 0) {
						double[] oneHot = new double[width];
						if (level < width) {
							oneHot[level] = 1;
						}
						alternatives.add(oneHot);
						shares.add((double) counts[level] / rows.length);
					}
				}
				values[c] = alternatives.toArray(double[][]::new);
				weights[c] = shares.stream().mapToDouble(Double::doubleValue).toArray();
			}
		}
		return new Background(values, weights);
	}

	/**
	 * How far a column pushes a row's probability: the probability less its mean over the column's usual values,
	 * the other columns kept as the row has them.
	 */
	double effect(ToDoubleFunction<double[]> score, double[] filled, double probability, int c, Column column) {
		double expected = 0;
		double[] changed = filled.clone();
		for (int k = 0; k < values[c].length; k++) {
			System.arraycopy(values[c][k], 0, changed, column.first(), column.width());
			expected += weights[c][k] * score.applyAsDouble(changed);
		}
		return probability - expected;
	}
}
