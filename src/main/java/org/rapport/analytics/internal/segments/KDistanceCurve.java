package org.rapport.analytics.internal.segments;

/**
 * Each row's distance to its k-th nearest other row, in the scaled units, largest first. The knee of the curve is a
 * good {@code eps} for DBSCAN: with {@code k = minSamples - 1}, a row at or below {@code eps} on the curve is a core
 * point.
 */
public record KDistanceCurve(int k, double[] distances) {

	/**
	 * At most this many points of the curve, evenly spaced over the rows and keeping the first and the last, for a
	 * chart whose x axis is the share of the rows.
	 */
	public KDistanceCurve thinned(int points) {
		if (points < 2) {
			throw new IllegalArgumentException("A curve of at least 2 points, not " + points);
		}
		if (distances.length <= points) {
			return this;
		}
		double[] kept = new double[points];
		for (int p = 0; p < points; p++) {
			kept[p] = distances[(int) Math.round((double) p * (distances.length - 1) / (points - 1))];
		}
		return new KDistanceCurve(k, kept);
	}
}
