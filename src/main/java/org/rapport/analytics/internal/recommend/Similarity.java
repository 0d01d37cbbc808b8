package org.rapport.analytics.internal.recommend;

/**
 * How much item {@code j} resembles item {@code i} to a user who has {@code i}, on binary implicit feedback:
 * <pre>
 * sim(i → j) = W(i, j) / (w(i)^source · w(j)^target) · c(i, j) / (c(i, j) + shrinkage)
 * </pre>
 * where {@code c(i, j)} counts the users who have both items, {@code W(i, j)} sums their weights
 * {@code |items of the user|^-userWeight} and {@code w(i)} sums the weights of the users of {@code i}. With
 * {@code userWeight} 0, both exponents ½ and no shrinkage it is the cosine of the items' binary user vectors. After
 * the {@code neighbours} most similar items of each item are kept, {@code normalised} scales each item's row to sum
 * to 1, so that every item a user has casts the same total vote.
 */
record Similarity(double userWeight, double source, double target, double shrinkage, boolean normalised) {

	/** The cosine of binary vectors. */
	static final Similarity COSINE = new Similarity(0, 0.5, 0.5, 0, false);
}
