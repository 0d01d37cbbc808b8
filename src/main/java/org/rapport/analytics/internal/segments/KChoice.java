package org.rapport.analytics.internal.segments;

import java.util.List;

/** The K-Means segmentation whose k scored the best silhouette of a range, and the scores of every k, for a chart. */
public record KChoice(int k, Segmentation segmentation, List<Score> scores) {

	public KChoice {
		scores = List.copyOf(scores);
	}

	/**
	 * The best of the restarts at one k: its silhouette ({@code null} where undefined) and its within-cluster sum of
	 * squares.
	 */
	public record Score(int k, Double silhouette, double withinSumOfSquares) {
	}
}
