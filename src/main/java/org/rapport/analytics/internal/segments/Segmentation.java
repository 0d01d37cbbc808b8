package org.rapport.analytics.internal.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A segmentation's outcome: each row's cluster ({@code -1} for DBSCAN's noise), the clusters' sizes and profiles in
 * the features' own units, the silhouette ({@code null} where it is not defined) and the parameters that made it.
 * Clusters are numbered from 0 by falling size, ties in the order of their first row; a cluster that came out empty
 * is dropped, so {@code clusters} may be fewer than asked.
 */
public record Segmentation(String algorithm, Map<String, Object> parameters, List<String> features, int[] labels,
		int clusters, int noise, int[] sizes, List<ClusterProfile> profiles, Double silhouette) {

	/** The label of rows that DBSCAN leaves in no cluster. */
	public static final int NOISE = -1;

	/** The rows of one cluster: how many, and the mean and population standard deviation of each feature. */
	public record ClusterProfile(int cluster, int size, double[] means, double[] standardDeviations) {
	}

	/**
	 * The outcome of labels that number clusters from 0 (gaps allowed) and mark noise with a negative label,
	 * renumbered, profiled and scored.
	 */
	static Segmentation of(String algorithm, Map<String, Object> parameters, Features x, int[] raw, long seed) {
		int n = raw.length;
		int highest = Arrays.stream(raw).max().orElse(-1);
		int[] counts = new int[highest + 1];
		int[] first = new int[highest + 1];
		Arrays.fill(first, Integer.MAX_VALUE);
		int noise = 0;
		for (int i = 0; i < n; i++) {
			if (raw[i] < 0) {
				noise++;
			}
			else {
				counts[raw[i]]++;
				first[raw[i]] = Math.min(first[raw[i]], i);
			}
		}
		List<Integer> order = new ArrayList<>();
		for (int c = 0; c <= highest; c++) {
			if (counts[c] > 0) {
				order.add(c);
			}
		}
		order.sort((c1, c2) -> counts[c1] != counts[c2] ? Integer.compare(counts[c2], counts[c1])
				: Integer.compare(first[c1], first[c2]));
		int[] renumber = new int[highest + 1];
		int clusters = order.size();
		int[] sizes = new int[clusters];
		for (int c = 0; c < clusters; c++) {
			renumber[order.get(c)] = c;
			sizes[c] = counts[order.get(c)];
		}
		int[] labels = new int[n];
		for (int i = 0; i < n; i++) {
			labels[i] = raw[i] < 0 ? NOISE : renumber[raw[i]];
		}
		List<ClusterProfile> profiles = profiles(x.original(), labels, sizes);
		var silhouette = Silhouette.score(x.scaled(), labels, seed);
		return new Segmentation(algorithm, parameters, x.names(), labels, clusters, noise, sizes, profiles,
				silhouette.isPresent() ? silhouette.getAsDouble() : null);
	}

	private static List<ClusterProfile> profiles(double[][] rows, int[] labels, int[] sizes) {
		int clusters = sizes.length;
		int d = rows.length == 0 ? 0 : rows[0].length;
		// Welford's running mean and sum of squared deviations, one pass over the rows
		double[][] means = new double[clusters][d];
		double[][] squares = new double[clusters][d];
		int[] seen = new int[clusters];
		for (int i = 0; i < rows.length; i++) {
			int c = labels[i];
			if (c < 0) {
				continue;
			}
			seen[c]++;
			for (int j = 0; j < d; j++) {
				double delta = rows[i][j] - means[c][j];
				means[c][j] += delta / seen[c];
				squares[c][j] += delta * (rows[i][j] - means[c][j]);
			}
		}
		List<ClusterProfile> profiles = new ArrayList<>(clusters);
		for (int c = 0; c < clusters; c++) {
			double[] sd = new double[d];
			for (int j = 0; j < d; j++) {
				sd[j] = Math.sqrt(Math.max(0, squares[c][j]) / sizes[c]);
			}
			profiles.add(new ClusterProfile(c, sizes[c], means[c], sd));
		}
		return Collections.unmodifiableList(profiles);
	}
}
