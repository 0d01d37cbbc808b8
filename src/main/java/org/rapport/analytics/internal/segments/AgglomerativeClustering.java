package org.rapport.analytics.internal.segments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rapport.shared.InvalidField;
import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.CompleteLinkage;
import smile.clustering.linkage.UPGMALinkage;
import smile.clustering.linkage.WardLinkage;

/**
 * Hierarchical agglomerative clustering of the scaled features with Smile, by Ward's, complete or average linkage on
 * Euclidean distances, cut into k clusters, with the last {@link #DENDROGRAM_MERGES} merges as a dendrogram.
 * <p>
 * It holds every pairwise distance ({@code n (n + 1) / 2} floats: 200 MB for 10,000 rows), so it takes at most
 * {@link #MAX_ROWS} rows; K-Means and DBSCAN take more.
 */
public final class AgglomerativeClustering {

	/** The most rows that it clusters. */
	public static final int MAX_ROWS = 10_000;

	/** How many of the last merges the dendrogram shows. */
	public static final int DENDROGRAM_MERGES = 50;

	/** How the distance between two clusters follows from the distances of their rows. */
	public enum Linkage {

		/** The merge that adds the least to the within-cluster sum of squares. */
		WARD,

		/** The largest distance between a row of one and a row of the other. */
		COMPLETE,

		/** The mean distance between the rows of one and the rows of the other (UPGMA). */
		AVERAGE;

		/** The linkage that the request names: {@code ward}, {@code complete} or {@code average}. */
		public static Linkage parse(String name) {
			if (name != null) {
				for (Linkage linkage : values()) {
					if (linkage.name().equalsIgnoreCase(name.strip())) {
						return linkage;
					}
				}
			}
			throw new InvalidField("linkage", "analytics.segments.unknownLinkage",
					"Linkage is ward, complete or average, not {0}", name);
		}
	}

	private AgglomerativeClustering() {
	}

	/** The rows clustered with this linkage and cut into k clusters, with the top of the tree. */
	public static HierarchicalSegmentation fit(Features x, Linkage linkage, int k) {
		if (linkage == null) {
			throw new InvalidField("linkage", "analytics.segments.unknownLinkage",
					"Linkage is ward, complete or average, not {0}", "");
		}
		int n = x.size();
		if (n > MAX_ROWS) {
			throw new InvalidField("algorithm", "analytics.segments.tooManyRowsForHierarchical",
					"Hierarchical clustering takes at most {0} rows, not {1}: choose kmeans or dbscan for more",
					MAX_ROWS, n);
		}
		x.checkClusterCount(k);
		double[][] data = x.scaled();
		smile.clustering.linkage.Linkage distances = switch (linkage) {
			case WARD -> WardLinkage.of(data);
			case COMPLETE -> CompleteLinkage.of(data);
			case AVERAGE -> UPGMALinkage.of(data);
		};
		HierarchicalClustering tree = HierarchicalClustering.fit(distances);
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("algorithm", "hierarchical");
		parameters.put("scaling", x.scaling().name());
		parameters.put("linkage", linkage.name().toLowerCase(Locale.ROOT));
		parameters.put("k", k);
		Segmentation segmentation = Segmentation.of("hierarchical", Collections.unmodifiableMap(parameters), x,
				tree.partition(k), Silhouette.DEFAULT_SEED);
		return new HierarchicalSegmentation(segmentation, dendrogram(n, tree.tree(), tree.height()));
	}

	private static Dendrogram dendrogram(int n, int[][] merges, double[] heights) {
		int[] sizes = new int[merges.length];
		for (int i = 0; i < merges.length; i++) {
			sizes[i] = size(merges[i][0], n, sizes) + size(merges[i][1], n, sizes);
		}
		List<Dendrogram.Merge> top = new ArrayList<>();
		for (int i = Math.max(0, merges.length - DENDROGRAM_MERGES); i < merges.length; i++) {
			int left = merges[i][0];
			int right = merges[i][1];
			top.add(new Dendrogram.Merge(n + i, left, size(left, n, sizes), right, size(right, n, sizes), heights[i],
					sizes[i]));
		}
		return new Dendrogram(n, top);
	}

	private static int size(int id, int n, int[] sizes) {
		return id < n ? 1 : sizes[id - n];
	}
}
