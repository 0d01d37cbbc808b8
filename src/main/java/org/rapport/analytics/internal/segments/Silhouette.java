package org.rapport.analytics.internal.segments;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The silhouette of a clustering, as scikit-learn's {@code silhouette_score} defines it with the Euclidean distance:
 * the mean over the points of {@code (b - a) / max(a, b)}, where {@code a} is a point's mean distance to the other
 * points of its cluster and {@code b} its mean distance to the points of the nearest other cluster. A point alone in
 * its cluster scores 0 and counts in the mean.
 * <p>
 * Points labelled negative, DBSCAN's noise, are left out altogether: they neither score nor count in another point's
 * {@code a} or {@code b} (scikit-learn would take the noise for one more cluster). Up to {@link #EXACT_LIMIT} points
 * the score is exact; above, it is the exact score of a seeded random sample of that many points, as scikit-learn's
 * {@code sample_size} does, since the exact score costs time in the square of the points.
 */
public final class Silhouette {

	/** The most points scored exactly; larger sets are sampled down to this many. */
	public static final int EXACT_LIMIT = 10_000;

	/** The seed of the sample where the caller gives none. */
	public static final long DEFAULT_SEED = 42;

	private Silhouette() {
	}

	/**
	 * The silhouette of these labels, empty where it is not defined: fewer than two clusters, or every scored point
	 * alone in its cluster.
	 */
	public static OptionalDouble score(double[][] points, int[] labels) {
		return score(points, labels, EXACT_LIMIT, DEFAULT_SEED);
	}

	/** The silhouette of these labels, on a sample drawn with this seed where there are too many points. */
	public static OptionalDouble score(double[][] points, int[] labels, long seed) {
		return score(points, labels, EXACT_LIMIT, seed);
	}

	/** The silhouette of these labels, exact up to {@code sampleSize} points and on a seeded sample above. */
	public static OptionalDouble score(double[][] points, int[] labels, int sampleSize, long seed) {
		if (points.length != labels.length) {
			throw new IllegalArgumentException("%d points but %d labels".formatted(points.length, labels.length));
		}
		if (sampleSize < 2) {
			throw new IllegalArgumentException("A sample of at least 2 points, not " + sampleSize);
		}
		int[] scored = IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
		if (scored.length > sampleSize) {
			scored = sample(scored, sampleSize, seed);
		}
		return exact(points, labels, scored);
	}

	/** A uniform sample without replacement, in the points' order. */
	private static int[] sample(int[] indices, int size, long seed) {
		int[] pool = indices.clone();
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = 0; i < size; i++) {
			int j = i + random.nextInt(pool.length - i);
			int swap = pool[i];
			pool[i] = pool[j];
			pool[j] = swap;
		}
		int[] chosen = Arrays.copyOf(pool, size);
		Arrays.sort(chosen);
		return chosen;
	}

	private static OptionalDouble exact(double[][] points, int[] labels, int[] scored) {
		int n = scored.length;
		// the labels of the scored points as 0 .. clusters - 1
		int[] cluster = new int[n];
		int[] distinct = IntStream.of(scored).map(i -> labels[i]).distinct().sorted().toArray();
		for (int p = 0; p < n; p++) {
			cluster[p] = Arrays.binarySearch(distinct, labels[scored[p]]);
		}
		int clusters = distinct.length;
		if (clusters < 2 || clusters == n) {
			return OptionalDouble.empty();
		}
		int[] sizes = new int[clusters];
		for (int c : cluster) {
			sizes[c]++;
		}
		double[] widths = new double[n];
		IntStream.range(0, n).parallel().forEach(p -> {
			int own = cluster[p];
			if (sizes[own] == 1) {
				return;
			}
			double[] x = points[scored[p]];
			double[] sums = new double[clusters];
			for (int q = 0; q < n; q++) {
				if (q != p) {
					sums[cluster[q]] += distance(x, points[scored[q]]);
				}
			}
			double a = sums[own] / (sizes[own] - 1);
			double b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < clusters; c++) {
				if (c != own) {
					b = Math.min(b, sums[c] / sizes[c]);
				}
			}
			double larger = Math.max(a, b);
			// points that coincide with another cluster's: scikit-learn turns the 0 / 0 into 0 as well
			widths[p] = larger > 0 ? (b - a) / larger : 0;
		});
		// summed in order, so that the score does not depend on how the threads split the work
		double sum = 0;
		for (double width : widths) {
			sum += width;
		}
		return OptionalDouble.of(sum / n);
	}

	private static double distance(double[] x, double[] y) {
		double sum = 0;
		for (int j = 0; j < x.length; j++) {
			double d = x[j] - y[j];
			sum += d * d;
		}
		return Math.sqrt(sum);
	}
}
