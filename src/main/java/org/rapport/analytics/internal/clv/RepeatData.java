package org.rapport.analytics.internal.clv;

import java.util.Arrays;
import java.util.List;
import org.rapport.shared.InvalidField;

/**
 * Summaries as the likelihoods read them: customers with the same (x, tx, T) merged into one weighted row, and the
 * distinct values of x, tx and T numbered, so that a likelihood computes what depends on one of them alone once per
 * value instead of once per customer.
 */
final class RepeatData {

	/** The fewest customers that a repeat-purchase model is fitted to. */
	static final int MIN_CUSTOMERS = 10;

	/** The number of customers. */
	final int customers;

	/** The number of distinct (x, tx, T). */
	final int rows;

	final int[] x;

	final double[] tx;

	final double[] T;

	/** How many customers each row stands for. */
	final double[] weight;

	/** The row of each summary, in the order given. */
	final int[] rowOf;

	final int[] xValues;

	final double[] txValues;

	final double[] tValues;

	/** Each row's number of its x, tx and T among the distinct values. */
	final int[] xIndex;

	final int[] txIndex;

	final int[] tIndex;

	private RepeatData(List<RepeatSummary> summaries) {
		customers = summaries.size();
		Integer[] order = new Integer[customers];
		for (int i = 0; i < customers; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (i, j) -> compare(summaries.get(i), summaries.get(j)));
		int[] rowX = new int[customers];
		double[] rowTx = new double[customers];
		double[] rowT = new double[customers];
		double[] rowWeight = new double[customers];
		rowOf = new int[customers];
		int count = -1;
		RepeatSummary previous = null;
		for (Integer i : order) {
			RepeatSummary summary = summaries.get(i);
			if (previous == null || compare(previous, summary) != 0) {
				count++;
				rowX[count] = summary.x();
				rowTx[count] = summary.tx();
				rowT[count] = summary.T();
			}
			rowWeight[count]++;
			rowOf[i] = count;
			previous = summary;
		}
		rows = count + 1;
		x = Arrays.copyOf(rowX, rows);
		tx = Arrays.copyOf(rowTx, rows);
		T = Arrays.copyOf(rowT, rows);
		weight = Arrays.copyOf(rowWeight, rows);
		xValues = Arrays.stream(x).distinct().sorted().toArray();
		txValues = Arrays.stream(tx).distinct().sorted().toArray();
		tValues = Arrays.stream(T).distinct().sorted().toArray();
		xIndex = new int[rows];
		txIndex = new int[rows];
		tIndex = new int[rows];
		for (int row = 0; row < rows; row++) {
			xIndex[row] = Arrays.binarySearch(xValues, x[row]);
			txIndex[row] = Arrays.binarySearch(txValues, tx[row]);
			tIndex[row] = Arrays.binarySearch(tValues, T[row]);
		}
	}

	static RepeatData of(List<RepeatSummary> summaries) {
		return new RepeatData(summaries);
	}

	/** Refuses data that a repeat-purchase model cannot be fitted to, saying why. */
	RepeatData checkFittable() {
		if (customers < MIN_CUSTOMERS) {
			throw new InvalidField("file", "analytics.clv.tooFewCustomers",
					"The models need at least {0} customers who bought before the calibration end, not {1}",
					MIN_CUSTOMERS, customers);
		}
		if (xValues[xValues.length - 1] == 0) {
			if (tValues.length == 1) {
				throw new InvalidField("file", "analytics.clv.allOnOneDay",
						"All purchases fall on one day: the models need purchases on different days");
			}
			throw new InvalidField("file", "analytics.clv.noRepeatPurchases",
					"No customer bought again before the calibration end: the models need repeat purchases");
		}
		return this;
	}

	private static int compare(RepeatSummary one, RepeatSummary other) {
		int byX = Integer.compare(one.x(), other.x());
		if (byX != 0) {
			return byX;
		}
		int byTx = Double.compare(one.tx(), other.tx());
		return byTx != 0 ? byTx : Double.compare(one.T(), other.T());
	}

	/** The total number of repeat purchases. */
	double repeatPurchases() {
		double sum = 0;
		for (int row = 0; row < rows; row++) {
			sum += weight[row] * x[row];
		}
		return sum;
	}

	/** The customers' mean age at the calibration end. */
	double meanAge() {
		double sum = 0;
		for (int row = 0; row < rows; row++) {
			sum += weight[row] * T[row];
		}
		return sum / customers;
	}
}
