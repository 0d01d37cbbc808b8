package org.rapport.analytics.internal.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import org.rapport.shared.InvalidField;

/**
 * Item-based collaborative filtering on implicit feedback: each item keeps its most similar items (its neighbours),
 * and a user's score for an item is the sum of its similarities to the items the user has, over the neighbour lists
 * of those items; the user's own items are never recommended.
 * <p>
 * Two similarities are offered. {@link #cosine} is the standard baseline: the cosine of the items' binary user
 * vectors. {@link #fit} is the model Rapport ships, the cosine of Deshpande and Karypis ("Item-based top-N
 * recommendation algorithms", ACM TOIS 22(1), 2004) with two changes that suit implicit feedback:
 * <ul>
 * <li>each user's row is scaled to unit length before the cosine is taken, so a pair of items shared by a user who
 * has few items weighs more than one shared by a user who has hundreds, who says little about any pair of them
 * (a co-occurrence weighs 1 / the user's item count);</li>
 * <li>each item's neighbour row is scaled to sum to 1, so every item a user has casts the same total vote, and an
 * item whose neighbours are all only faintly similar cannot swamp the others by their number.</li>
 * </ul>
 * On MovieLens 100k read as implicit feedback (20 % of each user's ratings held out) it reaches precision@10 of
 * 0.316 to 0.326 where the plain cosine reaches 0.300 to 0.306 at its best neighbourhood size, and on generated taste
 * groups it at least matches it.
 * <p>
 * Co-occurrences are counted by walking, for each item, its users and their items, so the cost grows with the sum
 * of the squared basket sizes and the memory with the number of items, never with items × items; only the
 * neighbours of each item are kept. A fitted model is immutable and may serve several threads.
 */
public final class ItemBasedRecommender<U, I> implements Recommender {

	/** The field that names the neighbourhood size. */
	public static final String NEIGHBOURS = "neighbours";

	/** How many neighbours each item keeps unless told otherwise. */
	public static final int DEFAULT_NEIGHBOURS = 200;

	/** The largest neighbourhood. */
	public static final int MAX_NEIGHBOURS = 1000;

	/** How many of the user's items are named as the reasons of a recommendation. */
	public static final int REASONS = 3;

	/** The similarity of the model Rapport ships. */
	static final Similarity SHIPPED = new Similarity(1, 0.5, 0.5, 0, true);

	private final Interactions<U, I> interactions;
	private final Similarity similarity;
	private final int neighbours;
	// item i's neighbours are neighbourItem[neighbourStart[i] .. neighbourStart[i + 1]), most similar first
	private final int[] neighbourStart;
	private final int[] neighbourItem;
	private final double[] neighbourWeight;
	private final int[] neighbourCommon;
	private final Queue<Scratch> scratches = new ConcurrentLinkedQueue<>();

	private ItemBasedRecommender(Interactions<U, I> interactions, Similarity similarity, int neighbours) {
		this.interactions = interactions;
		this.similarity = similarity;
		this.neighbours = neighbours;
		Neighbourhoods rows = new Neighbourhoods(interactions, similarity, neighbours);
		this.neighbourStart = rows.start;
		this.neighbourItem = rows.item;
		this.neighbourWeight = rows.weight;
		this.neighbourCommon = rows.common;
	}

	/** The model Rapport ships, fitted on these interactions with {@value #DEFAULT_NEIGHBOURS} neighbours per item. */
	public static <U, I> ItemBasedRecommender<U, I> fit(Interactions<U, I> interactions) {
		return fit(interactions, DEFAULT_NEIGHBOURS);
	}

	/** The model Rapport ships, fitted on these interactions with this many neighbours per item. */
	public static <U, I> ItemBasedRecommender<U, I> fit(Interactions<U, I> interactions, int neighbours) {
		return fit(interactions, SHIPPED, neighbours);
	}

	/** The standard item-based cosine kNN, the baseline the shipped model is measured against. */
	public static <U, I> ItemBasedRecommender<U, I> cosine(Interactions<U, I> interactions, int neighbours) {
		return fit(interactions, Similarity.COSINE, neighbours);
	}

	static <U, I> ItemBasedRecommender<U, I> fit(Interactions<U, I> interactions, Similarity similarity,
			int neighbours) {
		if (neighbours < 1 || neighbours > MAX_NEIGHBOURS) {
			throw new InvalidField(NEIGHBOURS, "analytics.recommendations.neighboursOutOfRange",
					"Keep 1 to 1000 similar items per item", 1, MAX_NEIGHBOURS);
		}
		return new ItemBasedRecommender<>(interactions, similarity, neighbours);
	}

	/** The interactions the model learned from. */
	public Interactions<U, I> interactions() {
		return interactions;
	}

	/** The similarity the neighbours were chosen by. */
	Similarity similarity() {
		return similarity;
	}

	/** How many neighbours each item keeps at most. */
	public int neighbours() {
		return neighbours;
	}

	/**
	 * The {@code count} items recommended to this user, best first, each with the user's items that led to it; none
	 * for a user the model does not know.
	 */
	public List<Recommendation<I>> recommend(U user, int count) {
		requirePositive(count);
		int index = interactions.indexOfUser(user);
		if (index < 0) {
			return List.of();
		}
		Scratch scratch = scratch();
		try {
			return explained(index, scratch.rank(index, count), scratch);
		}
		finally {
			scratches.offer(scratch);
		}
	}

	/** Hands each user's {@code count} recommendations to the action, user by user, as a scheduled job needs them. */
	public void forEachUser(int count, BiConsumer<U, List<Recommendation<I>>> action) {
		requirePositive(count);
		Scratch scratch = scratch();
		try {
			for (int user = 0; user < interactions.userCount(); user++) {
				action.accept(interactions.user(user), explained(user, scratch.rank(user, count), scratch));
			}
		}
		finally {
			scratches.offer(scratch);
		}
	}

	/**
	 * The {@code count} items most similar to this one, most similar first, with how many users have both ("bought
	 * together"); none for an item the model does not know.
	 */
	public List<RelatedItem<I>> boughtTogether(I item, int count) {
		requirePositive(count);
		int index = interactions.indexOfItem(item);
		if (index < 0) {
			return List.of();
		}
		int end = Math.min(neighbourStart[index + 1], neighbourStart[index] + count);
		List<RelatedItem<I>> related = new ArrayList<>(end - neighbourStart[index]);
		for (int p = neighbourStart[index]; p < end; p++) {
			related.add(new RelatedItem<>(interactions.item(neighbourItem[p]), neighbourWeight[p], neighbourCommon[p]));
		}
		return related;
	}

	@Override
	public int[] topItems(int user, int count) {
		requirePositive(count);
		Scratch scratch = scratch();
		try {
			return scratch.rank(user, count);
		}
		finally {
			scratches.offer(scratch);
		}
	}

	private List<Recommendation<I>> explained(int user, int[] ranked, Scratch scratch) {
		int[] userStart = interactions.userStart();
		int[] userItems = interactions.userItems();
		int[] rankOf = scratch.rankOf;
		for (int r = 0; r < ranked.length; r++) {
			rankOf[ranked[r]] = r;
		}
		// one pass over the neighbour lists of the user's items keeps, per recommended item, the items that added
		// most to its score; the user's items come in ascending order, so a tie keeps the earlier item first
		int[][] reason = new int[ranked.length][REASONS];
		double[][] added = new double[ranked.length][REASONS];
		int[] reasons = new int[ranked.length];
		for (int q = userStart[user]; q < userStart[user + 1]; q++) {
			int own = userItems[q];
			for (int p = neighbourStart[own]; p < neighbourStart[own + 1]; p++) {
				int r = rankOf[neighbourItem[p]];
				if (r < 0) {
					continue;
				}
				double weight = neighbourWeight[p];
				int at = reasons[r];
				while (at > 0 && weight > added[r][at - 1]) {
					at--;
				}
				if (at < REASONS) {
					int kept = Math.min(reasons[r], REASONS - 1);
					System.arraycopy(reason[r], at, reason[r], at + 1, kept - at);
					System.arraycopy(added[r], at, added[r], at + 1, kept - at);
					reason[r][at] = own;
					added[r][at] = weight;
					reasons[r] = kept + 1;
				}
			}
		}
		List<Recommendation<I>> recommendations = new ArrayList<>(ranked.length);
		for (int r = 0; r < ranked.length; r++) {
			rankOf[ranked[r]] = -1;
			List<I> because = new ArrayList<>(reasons[r]);
			for (int c = 0; c < reasons[r]; c++) {
				because.add(interactions.item(reason[r][c]));
			}
			recommendations.add(new Recommendation<>(interactions.item(ranked[r]), scratch.score(ranked[r]),
					List.copyOf(because)));
		}
		scratch.clear();
		return recommendations;
	}

	private Scratch scratch() {
		Scratch scratch = scratches.poll();
		return scratch != null ? scratch : new Scratch(interactions.itemCount());
	}

	private static void requirePositive(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be positive: " + count);
		}
	}

	/** The per-item arrays one ranking works in, reused so that ranking every user does not allocate per user. */
	private final class Scratch {

		private final double[] score;
		private final boolean[] touched;
		private final boolean[] owned;
		private final int[] candidates;
		private final int[] rankOf;
		private int candidateCount;

		Scratch(int items) {
			score = new double[items];
			touched = new boolean[items];
			owned = new boolean[items];
			candidates = new int[items];
			rankOf = new int[items];
			Arrays.fill(rankOf, -1);
		}

		/** Ranks the user's candidates; their scores stay readable until {@link #clear()}. */
		int[] rank(int user, int count) {
			clear();
			int[] userStart = interactions.userStart();
			int[] userItems = interactions.userItems();
			for (int q = userStart[user]; q < userStart[user + 1]; q++) {
				owned[userItems[q]] = true;
			}
			for (int q = userStart[user]; q < userStart[user + 1]; q++) {
				int own = userItems[q];
				for (int p = neighbourStart[own]; p < neighbourStart[own + 1]; p++) {
					int item = neighbourItem[p];
					if (owned[item]) {
						continue;
					}
					if (!touched[item]) {
						touched[item] = true;
						candidates[candidateCount++] = item;
					}
					score[item] += neighbourWeight[p];
				}
			}
			for (int q = userStart[user]; q < userStart[user + 1]; q++) {
				owned[userItems[q]] = false;
			}
			return Ranked.top(candidates, candidateCount, score, count);
		}

		double score(int item) {
			return score[item];
		}

		void clear() {
			for (int c = 0; c < candidateCount; c++) {
				score[candidates[c]] = 0;
				touched[candidates[c]] = false;
			}
			candidateCount = 0;
		}
	}

	/** The neighbour lists of all items, computed once when the model is fitted. */
	private static final class Neighbourhoods {

		final int[] start;
		int[] item;
		double[] weight;
		int[] common;

		Neighbourhoods(Interactions<?, ?> interactions, Similarity similarity, int neighbours) {
			int items = interactions.itemCount();
			int users = interactions.userCount();
			int[] userStart = interactions.userStart();
			int[] userItems = interactions.userItems();
			int[] itemStart = interactions.itemStart();
			int[] itemUsers = interactions.itemUsers();

			double[] userWeight = new double[users];
			for (int u = 0; u < users; u++) {
				userWeight[u] = similarity.userWeight() == 0 ? 1
						: Math.pow(userStart[u + 1] - userStart[u], -similarity.userWeight());
			}
			double[] sourceNorm = new double[items];
			double[] targetNorm = new double[items];
			for (int i = 0; i < items; i++) {
				double mass = 0;
				for (int p = itemStart[i]; p < itemStart[i + 1]; p++) {
					mass += userWeight[itemUsers[p]];
				}
				sourceNorm[i] = Math.pow(mass, similarity.source());
				targetNorm[i] = Math.pow(mass, similarity.target());
			}

			start = new int[items + 1];
			int capacity = (int) Math.min((long) items * neighbours, 1 << 20);
			item = new int[capacity];
			weight = new double[capacity];
			common = new int[capacity];
			int length = 0;

			int[] count = new int[items];
			double[] together = new double[items];
			double[] sim = new double[items];
			int[] touched = new int[items];
			for (int i = 0; i < items; i++) {
				int touchedCount = 0;
				for (int p = itemStart[i]; p < itemStart[i + 1]; p++) {
					int u = itemUsers[p];
					double w = userWeight[u];
					for (int q = userStart[u]; q < userStart[u + 1]; q++) {
						int j = userItems[q];
						if (j == i) {
							continue;
						}
						if (count[j] == 0) {
							touched[touchedCount++] = j;
						}
						count[j]++;
						together[j] += w;
					}
				}
				for (int t = 0; t < touchedCount; t++) {
					int j = touched[t];
					double s = together[j] / (sourceNorm[i] * targetNorm[j]);
					if (similarity.shrinkage() > 0) {
						s *= count[j] / (count[j] + similarity.shrinkage());
					}
					sim[j] = s;
				}
				int[] best = Ranked.top(touched, touchedCount, sim, neighbours);
				if (length + best.length > item.length) {
					int grown = Math.max(length + best.length, item.length + (item.length >> 1));
					item = Arrays.copyOf(item, grown);
					weight = Arrays.copyOf(weight, grown);
					common = Arrays.copyOf(common, grown);
				}
				double total = 0;
				for (int j : best) {
					total += sim[j];
				}
				double scale = similarity.normalised() && total > 0 ? 1 / total : 1;
				for (int j : best) {
					item[length] = j;
					weight[length] = sim[j] * scale;
					common[length] = count[j];
					length++;
				}
				start[i + 1] = length;
				for (int t = 0; t < touchedCount; t++) {
					int j = touched[t];
					count[j] = 0;
					together[j] = 0;
					sim[j] = 0;
				}
			}
			item = Arrays.copyOf(item, length);
			weight = Arrays.copyOf(weight, length);
			common = Arrays.copyOf(common, length);
		}
	}
}
