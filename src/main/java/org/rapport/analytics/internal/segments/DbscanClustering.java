package org.rapport.analytics.internal.segments;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.rapport.shared.InvalidField;
import smile.clustering.DBSCAN;
import smile.clustering.PartitionClustering;
import smile.math.distance.EuclideanDistance;
import smile.neighbor.KDTree;
import smile.neighbor.LinearSearch;
import smile.neighbor.Neighbor;

/**
 * DBSCAN on the scaled features with Smile, with scikit-learn's meaning of its parameters: a row is a core point when
 * at least {@code minSamples} rows, itself included, lie within {@code eps} (Euclidean, bounds included) of it. Rows
 * that no core point reaches are noise, labelled {@code -1}. The k-distance curve helps to choose {@code eps}.
 * <p>
 * Smile counts the neighbours without the row itself, so it is given {@code minSamples - 1}; with {@code minSamples}
 * 1, which Smile does not take, every row is a core point and the clusters are the groups of rows linked by steps of
 * at most {@code eps}, found here.
 */
public final class DbscanClustering {

	/** Above this many features a k-d tree prunes little, and the neighbours are searched row by row. */
	private static final int KD_TREE_DIMENSIONS = 12;

	private DbscanClustering() {
	}

	/** The rows clustered by density with radius {@code eps} and {@code minSamples} rows to a core point. */
	public static Segmentation fit(Features x, double eps, int minSamples) {
		if (!(eps > 0) || !Double.isFinite(eps)) {
			throw new InvalidField("eps", "analytics.segments.epsNotPositive", "eps must be a number greater than 0");
		}
		if (minSamples < 1) {
			throw new InvalidField("minSamples", "analytics.segments.minSamplesTooSmall",
					"minSamples must be at least 1 (the point itself counts)");
		}
		double[][] data = x.scaled();
		int[] labels;
		if (minSamples == 1) {
			labels = linked(data, eps);
		}
		else {
			DBSCAN<double[]> dbscan = x.dimensions() <= KD_TREE_DIMENSIONS ? DBSCAN.fit(data, minSamples - 1, eps)
					: DBSCAN.fit(data, new EuclideanDistance(), minSamples - 1, eps);
			labels = dbscan.y.clone();
			for (int i = 0; i < labels.length; i++) {
				if (labels[i] == PartitionClustering.OUTLIER) {
					labels[i] = Segmentation.NOISE;
				}
			}
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("algorithm", "dbscan");
		parameters.put("scaling", x.scaling().name());
		parameters.put("eps", eps);
		parameters.put("minSamples", minSamples);
		return Segmentation.of("dbscan", Collections.unmodifiableMap(parameters), x, labels, Silhouette.DEFAULT_SEED);
	}

	/**
	 * Each row's distance to its k-th nearest other row, largest first; {@code k = minSamples - 1} shows the
	 * {@code eps} from which each row is a core point.
	 */
	public static KDistanceCurve kDistances(Features x, int k) {
		int n = x.size();
		if (k < 1 || k > n - 1) {
			throw new InvalidField("k", "analytics.segments.kDistanceOutOfRange",
					"k must be between 1 and {0}, the number of rows less one", n - 1);
		}
		double[][] data = x.scaled();
		smile.neighbor.KNNSearch<double[], double[]> search = x.dimensions() <= KD_TREE_DIMENSIONS ? KDTree.of(data)
				: LinearSearch.of(data, new EuclideanDistance());
		// the searches leave out the row itself, known by reference; an equal row elsewhere counts, at distance 0
		double[] distances = IntStream.range(0, n)
			.parallel()
			.mapToDouble(i -> Arrays.stream(search.search(data[i], k)).mapToDouble(neighbor -> neighbor.distance).max()
				.orElseThrow())
			.toArray();
		Arrays.sort(distances);
		for (int i = 0, j = n - 1; i < j; i++, j--) {
			double swap = distances[i];
			distances[i] = distances[j];
			distances[j] = swap;
		}
		return new KDistanceCurve(k, distances);
	}

	/** The groups of rows linked by steps of at most eps: DBSCAN where every row is a core point. */
	private static int[] linked(double[][] data, double eps) {
		smile.neighbor.RNNSearch<double[], double[]> search = data[0].length <= KD_TREE_DIMENSIONS ? KDTree.of(data)
				: LinearSearch.of(data, new EuclideanDistance());
		int[] labels = new int[data.length];
		Arrays.fill(labels, -1);
		int cluster = 0;
		Deque<Integer> queue = new ArrayDeque<>();
		List<Neighbor<double[], double[]>> neighbors = new ArrayList<>();
		for (int start = 0; start < data.length; start++) {
			if (labels[start] >= 0) {
				continue;
			}
			labels[start] = cluster;
			queue.add(start);
			while (!queue.isEmpty()) {
				int row = queue.poll();
				neighbors.clear();
				search.search(data[row], eps, neighbors);
				for (Neighbor<double[], double[]> neighbor : neighbors) {
					if (labels[neighbor.index] < 0) {
						labels[neighbor.index] = cluster;
						queue.add(neighbor.index);
					}
				}
			}
			cluster++;
		}
		return labels;
	}
}
