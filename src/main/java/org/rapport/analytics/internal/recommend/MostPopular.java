package org.rapport.analytics.internal.recommend;

/**
 * The items most users have, the same for everyone but for what each user already has: the floor that a
 * personalised model must clearly rise above.
 */
public final class MostPopular implements Recommender {

	private final Interactions<?, ?> interactions;
	private final int[] ranking;

	private MostPopular(Interactions<?, ?> interactions) {
		this.interactions = interactions;
		int items = interactions.itemCount();
		double[] popularity = new double[items];
		int[] all = new int[items];
		for (int i = 0; i < items; i++) {
			popularity[i] = interactions.userCountOf(i);
			all[i] = i;
		}
		this.ranking = Ranked.top(all, items, popularity, items);
	}

	/** The popularity ranking of these interactions. */
	public static MostPopular fit(Interactions<?, ?> interactions) {
		return new MostPopular(interactions);
	}

	@Override
	public int[] topItems(int user, int count) {
		int[] top = new int[Math.min(count, ranking.length)];
		int found = 0;
		for (int r = 0; r < ranking.length && found < top.length; r++) {
			if (!interactions.has(user, ranking[r])) {
				top[found++] = ranking[r];
			}
		}
		return found == top.length ? top : java.util.Arrays.copyOf(top, found);
	}
}
