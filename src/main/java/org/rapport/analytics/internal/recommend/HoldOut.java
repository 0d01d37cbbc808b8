package org.rapport.analytics.internal.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.rapport.shared.InvalidField;

/**
 * Splits interactions into a training and a test set for {@link RankingEvaluation}, user by user, so that every
 * user with enough history is tested: either a random share of each user's items, or the items of each user's last
 * orders by date. A user with a single item (or a single order day) stays whole in the training set, and every user
 * keeps at least one item (or day) there.
 */
public final class HoldOut {

	/** The field of the share held out. */
	public static final String SHARE = "holdOut";

	private HoldOut() {
	}

	/** A training set and the test set held out of it. */
	public record Split<U, I>(Interactions<U, I> train, Interactions<U, I> test) {
	}

	/**
	 * Holds out {@code share} of each user's distinct items (rounded, at least one), chosen at random with this seed;
	 * the same interactions in the same order and seed always give the same split.
	 */
	public static <U, I> Split<U, I> random(Iterable<Interaction<U, I>> interactions, double share, long seed) {
		requireShare(share);
		Map<U, LinkedHashSet<I>> itemsByUser = new LinkedHashMap<>();
		for (Interaction<U, I> interaction : interactions) {
			itemsByUser.computeIfAbsent(interaction.user(), user -> new LinkedHashSet<>()).add(interaction.item());
		}
		SplittableRandom random = new SplittableRandom(seed);
		Interactions.Builder<U, I> train = Interactions.builder();
		Interactions.Builder<U, I> test = Interactions.builder();
		itemsByUser.forEach((user, set) -> {
			List<I> items = new ArrayList<>(set);
			int held = heldOut(items.size(), share);
			// a partial Fisher-Yates shuffle puts the held-out items at the end
			for (int h = 0; h < held; h++) {
				int last = items.size() - 1 - h;
				int chosen = random.nextInt(last + 1);
				I kept = items.get(last);
				items.set(last, items.get(chosen));
				items.set(chosen, kept);
			}
			for (int p = 0; p < items.size(); p++) {
				(p < items.size() - held ? train : test).add(user, items.get(p));
			}
		});
		return new Split<>(train.build(), test.build());
	}

	/**
	 * Holds out the items of each user's last order days, {@code share} of the user's distinct days (rounded, at
	 * least one): what the model would have had to foresee. An item bought again in the held-out days stays in both
	 * sets; the evaluation does not count it.
	 */
	public static <U, I> Split<U, I> lastOrders(Iterable<Interaction<U, I>> interactions, double share) {
		requireShare(share);
		Map<U, TreeMap<LocalDate, List<I>>> daysByUser = new LinkedHashMap<>();
		for (Interaction<U, I> interaction : interactions) {
			LocalDate date = Objects.requireNonNull(interaction.date(), "a split by date needs every interaction's date");
			daysByUser.computeIfAbsent(interaction.user(), user -> new TreeMap<>())
				.computeIfAbsent(date, day -> new ArrayList<>())
				.add(interaction.item());
		}
		Interactions.Builder<U, I> train = Interactions.builder();
		Interactions.Builder<U, I> test = Interactions.builder();
		daysByUser.forEach((user, days) -> {
			int kept = days.size() - heldOut(days.size(), share);
			int day = 0;
			for (List<I> items : days.values()) {
				Interactions.Builder<U, I> target = day++ < kept ? train : test;
				items.forEach(item -> target.add(user, item));
			}
		});
		return new Split<>(train.build(), test.build());
	}

	/** How many of {@code n} to hold out: the rounded share, at least one, and never all. */
	private static int heldOut(int n, double share) {
		if (n < 2) {
			return 0;
		}
		return (int) Math.min(n - 1, Math.max(1, Math.round(n * share)));
	}

	private static void requireShare(double share) {
		if (!(share > 0 && share < 1)) {
			throw new InvalidField(SHARE, "analytics.recommendations.holdOutOutOfRange",
					"Hold out more than 0 % and less than 100 % of each user's interactions");
		}
	}
}
