package org.rapport.analytics.internal.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which users have which items, as a sparse binary matrix: users and items are numbered from 0 in the order they
 * first appear, and each user's items (and each item's users) are kept sorted in one shared array, the way
 * compressed sparse rows are. A pair given twice counts once.
 */
public final class Interactions<U, I> {

	private final List<U> users;
	private final List<I> items;
	private final Map<U, Integer> userIndex;
	private final Map<I, Integer> itemIndex;
	// user u's items are userItems[userStart[u] .. userStart[u + 1]), ascending
	private final int[] userStart;
	private final int[] userItems;
	// item i's users are itemUsers[itemStart[i] .. itemStart[i + 1]), ascending
	private final int[] itemStart;
	private final int[] itemUsers;

	private Interactions(List<U> users, Map<U, Integer> userIndex, List<I> items, Map<I, Integer> itemIndex,
			int[] pairUsers, int[] pairItems, int pairs) {
		this.users = Collections.unmodifiableList(users);
		this.items = Collections.unmodifiableList(items);
		this.userIndex = userIndex;
		this.itemIndex = itemIndex;
		int[][] byUser = compress(pairUsers, pairItems, pairs, users.size());
		this.userStart = byUser[0];
		this.userItems = byUser[1];
		int[] transposedUsers = new int[userItems.length];
		for (int u = 0; u < users.size(); u++) {
			Arrays.fill(transposedUsers, userStart[u], userStart[u + 1], u);
		}
		int[][] byItem = compress(userItems, transposedUsers, userItems.length, items.size());
		this.itemStart = byItem[0];
		this.itemUsers = byItem[1];
	}

	/** The interactions of these pairs. */
	public static <U, I> Interactions<U, I> of(Iterable<Interaction<U, I>> interactions) {
		Builder<U, I> builder = new Builder<>();
		for (Interaction<U, I> interaction : interactions) {
			builder.add(interaction.user(), interaction.item());
		}
		return builder.build();
	}

	/** A builder that takes the pairs one by one, for files and queries too large to hold as objects. */
	public static <U, I> Builder<U, I> builder() {
		return new Builder<>();
	}

	/** How many distinct users there are. */
	public int userCount() {
		return users.size();
	}

	/** How many distinct items there are. */
	public int itemCount() {
		return items.size();
	}

	/** How many distinct user-item pairs there are. */
	public int size() {
		return userItems.length;
	}

	/** Whether there is no pair at all. */
	public boolean isEmpty() {
		return userItems.length == 0;
	}

	/** The user numbered {@code index}. */
	public U user(int index) {
		return users.get(index);
	}

	/** The item numbered {@code index}. */
	public I item(int index) {
		return items.get(index);
	}

	/** The number of this user, or -1 if the user has no interaction here. */
	public int indexOfUser(U user) {
		Integer index = userIndex.get(user);
		return index == null ? -1 : index;
	}

	/** The number of this item, or -1 if no user has it here. */
	public int indexOfItem(I item) {
		Integer index = itemIndex.get(item);
		return index == null ? -1 : index;
	}

	/** The items of the user numbered {@code user}, ascending. */
	public int[] itemsOf(int user) {
		return Arrays.copyOfRange(userItems, userStart[user], userStart[user + 1]);
	}

	/** The users of the item numbered {@code item}, ascending. */
	public int[] usersOf(int item) {
		return Arrays.copyOfRange(itemUsers, itemStart[item], itemStart[item + 1]);
	}

	/** How many items the user numbered {@code user} has. */
	public int itemCountOf(int user) {
		return userStart[user + 1] - userStart[user];
	}

	/** How many users have the item numbered {@code item}: its popularity. */
	public int userCountOf(int item) {
		return itemStart[item + 1] - itemStart[item];
	}

	/** Whether the user numbered {@code user} has the item numbered {@code item}. */
	public boolean has(int user, int item) {
		return Arrays.binarySearch(userItems, userStart[user], userStart[user + 1], item) >= 0;
	}

	// The rows are read in place by the models, without a copy per user.

	int[] userStart() {
		return userStart;
	}

	int[] userItems() {
		return userItems;
	}

	int[] itemStart() {
		return itemStart;
	}

	int[] itemUsers() {
		return itemUsers;
	}

	/**
	 * Groups the pairs by row with a counting sort, sorts each row and drops repeated columns; answers the row starts
	 * and the columns.
	 */
	private static int[][] compress(int[] rows, int[] columns, int pairs, int rowCount) {
		int[] start = new int[rowCount + 1];
		for (int p = 0; p < pairs; p++) {
			start[rows[p] + 1]++;
		}
		for (int r = 0; r < rowCount; r++) {
			start[r + 1] += start[r];
		}
		int[] next = Arrays.copyOf(start, rowCount);
		int[] sorted = new int[pairs];
		for (int p = 0; p < pairs; p++) {
			sorted[next[rows[p]]++] = columns[p];
		}
		int[] compressedStart = new int[rowCount + 1];
		int length = 0;
		for (int r = 0; r < rowCount; r++) {
			Arrays.sort(sorted, start[r], start[r + 1]);
			for (int p = start[r]; p < start[r + 1]; p++) {
				if (p == start[r] || sorted[p] != sorted[p - 1]) {
					sorted[length++] = sorted[p];
				}
			}
			compressedStart[r + 1] = length;
		}
		return new int[][] { compressedStart, Arrays.copyOf(sorted, length) };
	}

	/** Collects user-item pairs. */
	public static final class Builder<U, I> {

		private final List<U> users = new ArrayList<>();
		private final List<I> items = new ArrayList<>();
		private final Map<U, Integer> userIndex = new HashMap<>();
		private final Map<I, Integer> itemIndex = new HashMap<>();
		private int[] pairUsers = new int[1024];
		private int[] pairItems = new int[1024];
		private int pairs;

		private Builder() {
		}

		/** Records that the user has the item. */
		public Builder<U, I> add(U user, I item) {
			Objects.requireNonNull(user, "user");
			Objects.requireNonNull(item, "item");
			if (pairs == pairUsers.length) {
				int capacity = Math.addExact(pairs, pairs >> 1);
				pairUsers = Arrays.copyOf(pairUsers, capacity);
				pairItems = Arrays.copyOf(pairItems, capacity);
			}
			pairUsers[pairs] = indexOf(user, users, userIndex);
			pairItems[pairs] = indexOf(item, items, itemIndex);
			pairs++;
			return this;
		}

		/** The interactions collected so far. */
		public Interactions<U, I> build() {
			return new Interactions<>(new ArrayList<>(users), new HashMap<>(userIndex), new ArrayList<>(items),
					new HashMap<>(itemIndex), pairUsers, pairItems, pairs);
		}

		private static <K> int indexOf(K key, List<K> keys, Map<K, Integer> index) {
			Integer known = index.get(key);
			if (known != null) {
				return known;
			}
			index.put(key, keys.size());
			keys.add(key);
			return keys.size() - 1;
		}
	}
}
