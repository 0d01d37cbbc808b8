package org.rapport.analytics.internal.recommend;

/**
 * How well a model ranks held-out items: over {@code users} users, the mean share of its top k that the user took
 * in the test set ({@code precisionAtK}) and the mean share of the user's test items found in its top k
 * ({@code recallAtK}).
 */
public record RankingQuality(int users, double precisionAtK, double recallAtK) {
}
