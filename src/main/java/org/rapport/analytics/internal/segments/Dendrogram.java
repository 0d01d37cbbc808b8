package org.rapport.analytics.internal.segments;

import java.util.List;

/**
 * The last merges of a hierarchical clustering, for a chart: rows are numbered {@code 0 .. points - 1} and the
 * {@code i}-th merge of the whole tree {@code points + i}, as SciPy numbers them. A child that is not among the merges
 * listed is drawn as a leaf of its size.
 */
public record Dendrogram(int points, List<Merge> merges) {

	public Dendrogram {
		merges = List.copyOf(merges);
	}

	/** Two clusters joined at a height, with the sizes of both and of the union. */
	public record Merge(int id, int left, int leftSize, int right, int rightSize, double height, int size) {
	}
}
