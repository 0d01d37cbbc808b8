package org.rapport.analytics.internal.recommend;

/**
 * A model that ranks the items of the interactions it learned from for each of their users, the way the evaluation
 * asks for it.
 */
public interface Recommender {

	/**
	 * The numbers of the {@code count} items ranked highest for the user numbered {@code user}, best first, without
	 * the items the user already has; fewer when the model knows fewer.
	 */
	int[] topItems(int user, int count);
}
