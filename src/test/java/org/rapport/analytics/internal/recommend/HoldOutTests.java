package org.rapport.analytics.internal.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

class HoldOutTests {

	@Test
	void aRandomSplitHoldsOutAFifthOfEachUsersItemsAndKeepsAtLeastOneForTraining() {
		List<Interaction<String, String>> interactions = new ArrayList<>();
		for (int item = 0; item < 10; item++) {
			interactions.add(Interaction.of("ten", "i" + item));
		}
		interactions.add(Interaction.of("two", "i0"));
		interactions.add(Interaction.of("two", "i1"));
		interactions.add(Interaction.of("one", "i0"));
		HoldOut.Split<String, String> split = HoldOut.random(interactions, 0.2, 42);
		Interactions<String, String> train = split.train();
		Interactions<String, String> test = split.test();
		assertThat(train.itemCountOf(train.indexOfUser("ten"))).isEqualTo(8);
		assertThat(test.itemCountOf(test.indexOfUser("ten"))).isEqualTo(2);
		assertThat(train.itemCountOf(train.indexOfUser("two"))).isEqualTo(1);
		assertThat(test.itemCountOf(test.indexOfUser("two"))).isEqualTo(1);
		assertThat(test.indexOfUser("one")).isEqualTo(-1);
		assertThat(train.size() + test.size()).isEqualTo(13);
		for (int u = 0; u < test.userCount(); u++) {
			int inTrain = train.indexOfUser(test.user(u));
			for (int t : test.itemsOf(u)) {
				int item = train.indexOfItem(test.item(t));
				assertThat(item >= 0 && train.has(inTrain, item)).isFalse();
			}
		}
	}

	@Test
	void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
		List<Interaction<String, String>> interactions = TasteGroups.generate(5);
		HoldOut.Split<String, String> first = HoldOut.random(interactions, 0.2, 1);
		HoldOut.Split<String, String> again = HoldOut.random(interactions, 0.2, 1);
		HoldOut.Split<String, String> other = HoldOut.random(interactions, 0.2, 2);
		assertThat(pairs(again.test())).isEqualTo(pairs(first.test()));
		assertThat(pairs(other.test())).isNotEqualTo(pairs(first.test()));
	}

	@Test
	void aSplitByDateHoldsOutTheLastOrderDays() {
		LocalDate day = LocalDate.of(2026, 1, 5);
		List<Interaction<String, String>> orders = List.of(new Interaction<>("ann", "tea", day.plusDays(30)),
				new Interaction<>("ann", "cake", day), new Interaction<>("ann", "milk", day.plusDays(10)),
				new Interaction<>("ann", "tea", day.plusDays(10)), new Interaction<>("ann", "jam", day.plusDays(30)),
				new Interaction<>("bob", "tea", day));
		HoldOut.Split<String, String> split = HoldOut.lastOrders(orders, 0.2);
		// three order days: one held out, with both its lines; tea, bought before, stays in training too
		assertThat(items(split.test(), "ann")).containsExactlyInAnyOrder("tea", "jam");
		assertThat(items(split.train(), "ann")).containsExactlyInAnyOrder("cake", "milk", "tea");
		assertThat(split.test().indexOfUser("bob")).isEqualTo(-1);
	}

	@Test
	void aShareOutsideZeroToOneIsRefused() {
		for (double share : new double[] { 0, 1, -0.2, Double.NaN }) {
			assertThatThrownBy(() -> HoldOut.random(List.of(), share, 1)).isInstanceOf(InvalidField.class)
				.extracting(e -> ((InvalidField) e).field())
				.isEqualTo("holdOut");
		}
	}

	private static List<String> items(Interactions<String, String> interactions, String user) {
		List<String> items = new ArrayList<>();
		for (int item : interactions.itemsOf(interactions.indexOfUser(user))) {
			items.add(interactions.item(item));
		}
		return items;
	}

	private static List<String> pairs(Interactions<String, String> interactions) {
		List<String> pairs = new ArrayList<>();
		for (int u = 0; u < interactions.userCount(); u++) {
			for (int item : interactions.itemsOf(u)) {
				pairs.add(interactions.user(u) + "/" + interactions.item(item));
			}
		}
		return pairs;
	}
}
