package org.rapport.analytics.internal.recommend;

import java.util.List;

/**
 * An item recommended to a user with its score and the user's items that led to it, the one that added most first
 * (at most {@value ItemBasedRecommender#REASONS}).
 */
public record Recommendation<I>(I item, double score, List<I> because) {
}
