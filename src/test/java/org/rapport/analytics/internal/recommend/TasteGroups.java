package org.rapport.analytics.internal.recommend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generated purchase histories with a known structure: users belong to taste groups, each group favours its own
 * items, and every item has a popularity that follows a Zipf law, so that the most popular items are a strong but
 * impersonal guess. A good recommender finds the group through the items a user has.
 */
final class TasteGroups {

	static final int USERS = 2_000;
	static final int GROUPS = 20;
	static final int ITEMS = 500;
	static final int FAVOURITES = 40;
	static final double FROM_GROUP = 0.7;

	private TasteGroups() {
	}

	/** The interactions of {@value #USERS} users in {@value #GROUPS} groups over {@value #ITEMS} items. */
	static List<Interaction<String, String>> generate(long seed) {
		Random random = new Random(seed);
		// popularity falls with a Zipf law over a shuffled order of the items
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < ITEMS; i++) {
			order.add(i);
		}
		java.util.Collections.shuffle(order, random);
		double[] popularity = new double[ITEMS];
		for (int rank = 0; rank < ITEMS; rank++) {
			popularity[order.get(rank)] = 1 / Math.pow(rank + 1, 0.8);
		}
		int[][] favourites = new int[GROUPS][];
		for (int g = 0; g < GROUPS; g++) {
			Set<Integer> chosen = new HashSet<>();
			while (chosen.size() < FAVOURITES) {
				chosen.add(random.nextInt(ITEMS));
			}
			favourites[g] = chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
		}
		int[] everything = new int[ITEMS];
		for (int i = 0; i < ITEMS; i++) {
			everything[i] = i;
		}
		List<Interaction<String, String>> interactions = new ArrayList<>();
		for (int u = 0; u < USERS; u++) {
			int group = u % GROUPS;
			int basket = 5 + random.nextInt(26);
			Set<Integer> items = new HashSet<>();
			for (int attempt = 0; items.size() < basket && attempt < 20 * basket; attempt++) {
				int[] pool = random.nextDouble() < FROM_GROUP ? favourites[group] : everything;
				items.add(draw(pool, popularity, random));
			}
			for (int item : items.stream().sorted().toList()) {
				interactions.add(Interaction.of("user-" + u, "item-" + item));
			}
		}
		return interactions;
	}

	/** One item of the pool, with a chance proportional to its popularity. */
	private static int draw(int[] pool, double[] popularity, Random random) {
		double total = 0;
		for (int item : pool) {
			total += popularity[item];
		}
		double target = random.nextDouble() * total;
		for (int item : pool) {
			target -= popularity[item];
			if (target < 0) {
				return item;
			}
		}
		return pool[pool.length - 1];
	}
}
