package org.rapport.analytics.internal.recommend;

import java.util.function.Function;
import org.rapport.shared.InvalidField;

/**
 * Precision and recall at k of a model fitted on training interactions, measured on held-out test interactions.
 * <p>
 * Every user who has interactions in both sets is asked for k items, leaving out those the user has in the training
 * set; a hit is an item the user has in the test set. Precision is hits / k and recall hits / the user's test items,
 * both averaged over the users. A test item the user already has in the training set (a repeat purchase) cannot be
 * recommended, so it is left out of the user's test items; a user left with none is not counted. When the two sets
 * share no pair, as in a random split, this is exactly hits / |test items of the user|. Test items that the training
 * set never saw stay in the count: no model could find them, and they are part of the truth.
 */
public final class RankingEvaluation {

	/** The field of the training interactions. */
	public static final String TRAIN = "train";

	/** The field of the test interactions. */
	public static final String TEST = "test";

	/** The field of the cut-off. */
	public static final String K = "k";

	/** The cut-off unless told otherwise. */
	public static final int DEFAULT_K = 10;

	/** The largest cut-off. */
	public static final int MAX_K = 100;

	private RankingEvaluation() {
	}

	/** Precision and recall at {@code k} of the model Rapport ships, fitted on {@code train}. */
	public static <U, I> RankingQuality evaluate(Interactions<U, I> train, Interactions<U, I> test, int k) {
		return evaluate(train, test, k, ItemBasedRecommender::fit);
	}

	/** Precision and recall at {@code k} of the model that {@code fit} builds from {@code train}. */
	public static <U, I> RankingQuality evaluate(Interactions<U, I> train, Interactions<U, I> test, int k,
			Function<Interactions<U, I>, ? extends Recommender> fit) {
		requireValid(train, test, k);
		return measure(train, test, k, fit.apply(train));
	}

	/** Refuses a cut-off out of range, an empty set, or test users that the training set does not know. */
	static <U, I> void requireValid(Interactions<U, I> train, Interactions<U, I> test, int k) {
		if (k < 1 || k > MAX_K) {
			throw new InvalidField(K, "analytics.recommendations.kOutOfRange", "k is 1 to 100", 1, MAX_K);
		}
		if (train.isEmpty()) {
			throw new InvalidField(TRAIN, "analytics.recommendations.noInteractions", "This set holds no interactions");
		}
		if (test.isEmpty()) {
			throw new InvalidField(TEST, "analytics.recommendations.noInteractions", "This set holds no interactions");
		}
		for (int user = 0; user < test.userCount(); user++) {
			if (train.indexOfUser(test.user(user)) >= 0) {
				return;
			}
		}
		throw new InvalidField(TEST, "analytics.recommendations.noCommonUser",
				"No user of the test set has interactions in the training set");
	}

	private static <U, I> RankingQuality measure(Interactions<U, I> train, Interactions<U, I> test, int k,
			Recommender model) {
		int[] trainItemOf = new int[test.itemCount()];
		for (int t = 0; t < test.itemCount(); t++) {
			trainItemOf[t] = train.indexOfItem(test.item(t));
		}
		boolean[] relevant = new boolean[train.itemCount()];
		int users = 0;
		double precision = 0;
		double recall = 0;
		for (int testUser = 0; testUser < test.userCount(); testUser++) {
			int user = train.indexOfUser(test.user(testUser));
			if (user < 0) {
				continue;
			}
			int[] held = test.itemsOf(testUser);
			int truths = 0;
			for (int t : held) {
				int item = trainItemOf[t];
				if (item < 0) {
					truths++;
				}
				else if (!train.has(user, item)) {
					relevant[item] = true;
					truths++;
				}
			}
			if (truths == 0) {
				continue;
			}
			int hits = 0;
			for (int item : model.topItems(user, k)) {
				if (relevant[item]) {
					hits++;
				}
			}
			for (int t : held) {
				if (trainItemOf[t] >= 0) {
					relevant[trainItemOf[t]] = false;
				}
			}
			users++;
			precision += (double) hits / k;
			recall += (double) hits / truths;
		}
		if (users == 0) {
			throw new InvalidField(TEST, "analytics.recommendations.nothingNew",
					"The test set holds no item that its users do not already have in the training set");
		}
		return new RankingQuality(users, precision / users, recall / users);
	}
}
