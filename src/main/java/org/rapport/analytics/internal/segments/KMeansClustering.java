package org.rapport.analytics.internal.segments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.rapport.shared.InvalidField;
import smile.clustering.BBDTree;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * K-Means on the scaled features with Smile (k-means++ seeding, then Lloyd's iterations on a BBD tree), the best of
 * several seeded restarts by within-cluster sum of squares: one run lands in a poor local minimum often enough to
 * matter. The restarts run side by side; the same seed gives the same segmentation.
 * <p>
 * Smile draws its random numbers from a generator of the calling thread, which each restart seeds; its parallel
 * streams run in the pool of the calling thread, so call it through a {@link FitRunner}.
 */
public final class KMeansClustering {

	/** The restarts where the caller names none. */
	public static final int DEFAULT_RESTARTS = 10;

	/** The most restarts. */
	public static final int MAX_RESTARTS = 100;

	/** The largest k that a range for the silhouette may reach. */
	public static final int MAX_K_IN_RANGE = 50;

	private static final int MAX_ITERATIONS = 100;

	/**
	 * Iterations stop when the sum of squares falls by less than this share of the total: Smile takes an absolute
	 * tolerance, which a million rows would never reach.
	 */
	private static final double RELATIVE_TOLERANCE = 1e-7;

	private KMeansClustering() {
	}

	/** The best of {@code restarts} K-Means runs with k clusters, seeded with {@code seed}. */
	public static Segmentation fit(Features x, int k, int restarts, long seed) {
		x.checkClusterCount(k);
		checkRestarts(restarts);
		checkDistinct(x, k, "k");
		Fit fit = best(x, new BBDTree(x.scaled()), k, restarts, seed);
		return Segmentation.of("kmeans", parameters(x, k, restarts, seed), x, fit.labels(), seed);
	}

	/**
	 * The K-Means segmentation whose k, from {@code kMin} to {@code kMax}, gives the best silhouette (the smaller k
	 * where two tie), with every k's silhouette; each k's segmentation is the one {@link #fit} gives.
	 */
	public static KChoice chooseK(Features x, int kMin, int kMax, int restarts, long seed) {
		int highest = Math.min(x.size() - 1, MAX_K_IN_RANGE);
		if (kMin < 2 || kMin > highest) {
			throw new InvalidField("kMin", "analytics.segments.kRange",
					"Choose kMin and kMax with 2 <= kMin <= kMax <= {0}", highest);
		}
		if (kMax < kMin || kMax > highest) {
			throw new InvalidField("kMax", "analytics.segments.kRange",
					"Choose kMin and kMax with 2 <= kMin <= kMax <= {0}", highest);
		}
		checkRestarts(restarts);
		checkDistinct(x, kMax, "kMax");
		BBDTree tree = new BBDTree(x.scaled());
		List<KChoice.Score> scores = new ArrayList<>();
		Segmentation best = null;
		int bestK = kMin;
		for (int k = kMin; k <= kMax; k++) {
			Fit fit = best(x, tree, k, restarts, seed);
			Segmentation segmentation = Segmentation.of("kmeans", parameters(x, k, restarts, seed), x, fit.labels(),
					seed);
			scores.add(new KChoice.Score(k, segmentation.silhouette(), fit.withinSumOfSquares()));
			if (best == null || better(segmentation.silhouette(), best.silhouette())) {
				best = segmentation;
				bestK = k;
			}
		}
		return new KChoice(bestK, best, scores);
	}

	private static boolean better(Double candidate, Double incumbent) {
		return candidate != null && (incumbent == null || candidate > incumbent);
	}

	private static void checkRestarts(int restarts) {
		if (restarts < 1 || restarts > MAX_RESTARTS) {
			throw new InvalidField("restarts", "analytics.segments.restartsOutOfRange",
					"Restarts must be between 1 and {0}", MAX_RESTARTS);
		}
	}

	private static void checkDistinct(Features x, int k, String field) {
		// k-means++ would have to seed two clusters on one point, which leaves Smile a centroid of NaN
		int distinct = x.distinctUpTo(k);
		if (distinct < k) {
			throw new InvalidField(field, "analytics.segments.tooFewDistinctRows",
					"The rows hold only {0} distinct points, fewer than the {1} clusters asked for", distinct, k);
		}
	}

	private static Map<String, Object> parameters(Features x, int k, int restarts, long seed) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("algorithm", "kmeans");
		parameters.put("scaling", x.scaling().name());
		parameters.put("k", k);
		parameters.put("restarts", restarts);
		parameters.put("seed", seed);
		parameters.put("maxIterations", MAX_ITERATIONS);
		return Collections.unmodifiableMap(parameters);
	}

	private record Fit(int[] labels, double withinSumOfSquares) {
	}

	private static Fit best(Features x, BBDTree tree, int k, int restarts, long seed) {
		double[][] data = x.scaled();
		double tolerance = RELATIVE_TOLERANCE * totalSumOfSquares(data);
		// each k has its own seeds, the same whether fitted alone or within a range
		SplittableRandom seeds = new SplittableRandom(seed * 1_000_003L + k);
		long[] runSeeds = new long[restarts];
		for (int run = 0; run < restarts; run++) {
			runSeeds[run] = seeds.nextLong();
		}
		// Lloyd's iterations on the tree run on one thread, so the restarts run side by side; each seeds the generator
		// of its own thread just before Smile draws from it, and the threads that help a restart's parallel steps
		// draw nothing
		Best best = new Best();
		IntStream.range(0, restarts).parallel().forEach(run -> {
			MathEx.setSeed(runSeeds[run]);
			best.offer(run, KMeans.fit(tree, data, k, MAX_ITERATIONS, tolerance));
		});
		return best.fit();
	}

	/** The run of least distortion, the first on a tie, whatever order the runs end in; one run's labels kept. */
	private static final class Best {

		private int run = -1;

		private KMeans model;

		synchronized void offer(int candidateRun, KMeans candidate) {
			if (model == null || candidate.distortion < model.distortion
					|| candidate.distortion == model.distortion && candidateRun < run) {
				run = candidateRun;
				model = candidate;
			}
		}

		synchronized Fit fit() {
			return new Fit(model.y, model.distortion);
		}
	}

	private static double totalSumOfSquares(double[][] data) {
		int d = data[0].length;
		double[] mean = new double[d];
		for (double[] row : data) {
			for (int j = 0; j < d; j++) {
				mean[j] += row[j] / data.length;
			}
		}
		double sum = 0;
		for (double[] row : data) {
			for (int j = 0; j < d; j++) {
				double delta = row[j] - mean[j];
				sum += delta * delta;
			}
		}
		return sum;
	}
}
