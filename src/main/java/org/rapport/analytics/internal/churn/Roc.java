package org.rapport.analytics.internal.churn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The area under the ROC curve and the curve itself, from scores and 0/1 labels.
 */
final class Roc {

	private Roc() {
	}

	/**
	 * The area under the ROC curve as the Mann-Whitney statistic: the chance that a churned row scores above a
	 * retained one, ties counting half, which average ranks give; {@code NaN} when one kind is absent.
	 */
	static double auc(double[] scores, int[] labels) {
		int n = scores.length;
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
		double positiveRanks = 0;
		long positives = 0;
		for (int start = 0; start < n;) {
			int end = start;
			while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
				end++;
			}
			// ranks start..end (counted from 1) shared by equal scores
			double rank = (start + end) / 2.0 + 1;
			for (int k = start; k <= end; k++) {
				if (labels[order[k]] == 1) {
					positiveRanks += rank;
					positives++;
				}
			}
			start = end + 1;
		}
		long negatives = n - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	/**
	 * The ROC curve from (0, 0) to (1, 1), one point per distinct score, thinned to at most {@code maxPoints} spread
	 * evenly along the curve's length so that a chart draws the same shape.
	 */
	static List<RocPoint> curve(double[] scores, int[] labels, int maxPoints) {
		int n = scores.length;
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
		long positives = Arrays.stream(labels).filter(label -> label == 1).count();
		long negatives = n - positives;
		List<RocPoint> points = new ArrayList<>();
		points.add(new RocPoint(0, 0));
		long truePositives = 0;
		long falsePositives = 0;
		for (int k = 0; k < n; k++) {
			if (labels[order[k]] == 1) {
				truePositives++;
			}
			else {
				falsePositives++;
			}
			if (k + 1 == n || scores[order[k + 1]] != scores[order[k]]) {
				points.add(new RocPoint(negatives == 0 ? 0 : (double) falsePositives / negatives,
						positives == 0 ? 0 : (double) truePositives / positives));
			}
		}
		return thin(points, maxPoints);
	}

	private static List<RocPoint> thin(List<RocPoint> points, int maxPoints) {
		if (points.size() <= maxPoints) {
			return List.copyOf(points);
		}
		double[] along = new double[points.size()];
		for (int k = 1; k < points.size(); k++) {
			RocPoint a = points.get(k - 1);
			RocPoint b = points.get(k);
			along[k] = along[k - 1] + Math.hypot(b.falsePositiveRate() - a.falsePositiveRate(),
					b.truePositiveRate() - a.truePositiveRate());
		}
		double length = along[along.length - 1];
		List<RocPoint> kept = new ArrayList<>();
		kept.add(points.get(0));
		int last = 0;
		for (int step = 1; step < maxPoints - 1; step++) {
			double target = length * step / (maxPoints - 1);
			int k = last + 1;
			while (k < points.size() - 1 && along[k] < target) {
				k++;
			}
			if (k < points.size() - 1 && k > last) {
				kept.add(points.get(k));
				last = k;
			}
		}
		kept.add(points.get(points.size() - 1));
		return List.copyOf(kept);
	}
}
