package org.rapport.analytics.internal.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

class ItemBasedRecommenderTests {

	/** A, B, C and D each have three users; A-B, B-C and C-D share two, the other pairs one. */
	private static Interactions<String, String> baskets() {
		return Interactions.of(List.of(pair("u1", "A"), pair("u1", "B"), pair("u2", "A"), pair("u2", "B"),
				pair("u2", "C"), pair("u3", "B"), pair("u3", "C"), pair("u3", "D"), pair("u4", "A"), pair("u4", "D"),
				pair("u5", "C"), pair("u5", "D")));
	}

	@Test
	void aUserIsNeverRecommendedWhatTheUserAlreadyBought() {
		ItemBasedRecommender<String, String> model = ItemBasedRecommender.cosine(baskets(), 10);
		// u1 has A and B: C scores cos(A,C) + cos(B,C) = 1/3 + 2/3, D scores 1/3 + 1/3
		List<Recommendation<String>> recommended = model.recommend("u1", 10);
		assertThat(recommended).extracting(Recommendation::item).containsExactly("C", "D");
		assertThat(recommended.get(0).score()).isCloseTo(1, within(1e-12));
		assertThat(recommended.get(1).score()).isCloseTo(2.0 / 3, within(1e-12));
		// u2 has three of the four items: only D is left
		assertThat(model.recommend("u2", 10)).extracting(Recommendation::item).containsExactly("D");
	}

	@Test
	void eachRecommendationNamesTheUsersItemsThatLedToItMostFirst() {
		ItemBasedRecommender<String, String> model = ItemBasedRecommender.cosine(baskets(), 10);
		List<Recommendation<String>> recommended = model.recommend("u1", 2);
		// C: B adds 2/3, A 1/3; D: A and B add 1/3 each, the earlier item first
		assertThat(recommended.get(0).because()).containsExactly("B", "A");
		assertThat(recommended.get(1).because()).containsExactly("A", "B");
	}

	@Test
	void atMostThreeOfTheUsersItemsAreNamedAsReasons() {
		List<Interaction<String, String>> pairs = new ArrayList<>();
		for (String user : List.of("a", "b", "c")) {
			for (String item : List.of("1", "2", "3", "4", "5")) {
				pairs.add(pair(user, item));
			}
		}
		pairs.add(pair("d", "1"));
		pairs.add(pair("d", "6"));
		pairs.add(pair("a", "6"));
		ItemBasedRecommender<String, String> model = ItemBasedRecommender.fit(Interactions.of(pairs));
		List<Recommendation<String>> forB = model.recommend("b", 1);
		assertThat(forB).extracting(Recommendation::item).containsExactly("6");
		assertThat(forB.get(0).because()).hasSize(ItemBasedRecommender.REASONS);
	}

	@Test
	void boughtTogetherListsTheMostSimilarItemsWithTheirCommonUsers() {
		ItemBasedRecommender<String, String> model = ItemBasedRecommender.cosine(baskets(), 10);
		List<RelatedItem<String>> related = model.boughtTogether("A", 3);
		assertThat(related).extracting(RelatedItem::item).containsExactly("B", "C", "D");
		assertThat(related).extracting(RelatedItem::commonUsers).containsExactly(2, 1, 1);
		assertThat(related.get(0).similarity()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(model.boughtTogether("A", 1)).extracting(RelatedItem::item).containsExactly("B");
	}

	@Test
	void eachItemKeepsOnlyItsNearestNeighbours() {
		ItemBasedRecommender<String, String> model = ItemBasedRecommender.cosine(baskets(), 1);
		assertThat(model.boughtTogether("A", 10)).extracting(RelatedItem::item).containsExactly("B");
		// u4 has A and D, whose nearest neighbours are B and C
		assertThat(model.recommend("u4", 10)).extracting(Recommendation::item).containsExactlyInAnyOrder("B", "C");
	}

	@Test
	void anUnknownUserOrItemGetsNothing() {
		ItemBasedRecommender<String, String> model = ItemBasedRecommender.fit(baskets());
		assertThat(model.recommend("nobody", 10)).isEmpty();
		assertThat(model.boughtTogether("nothing", 10)).isEmpty();
	}

	@Test
	void aNeighbourhoodOutOfRangeIsRefused() {
		for (int neighbours : new int[] { 0, ItemBasedRecommender.MAX_NEIGHBOURS + 1 }) {
			assertThatThrownBy(() -> ItemBasedRecommender.fit(baskets(), neighbours)).isInstanceOf(InvalidField.class)
				.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
				.containsExactly("neighbours", "analytics.recommendations.neighboursOutOfRange");
		}
	}

	@Test
	void everyUserGetsRecommendationsOutsideWhatTheUserHas() {
		Interactions<String, String> interactions = Interactions.of(TasteGroups.generate(3));
		ItemBasedRecommender<String, String> model = ItemBasedRecommender.fit(interactions);
		Map<String, List<Recommendation<String>>> all = new HashMap<>();
		model.forEachUser(10, all::put);
		assertThat(all).hasSize(TasteGroups.USERS);
		all.forEach((user, recommendations) -> {
			int u = interactions.indexOfUser(user);
			assertThat(recommendations).hasSize(10);
			for (Recommendation<String> recommendation : recommendations) {
				assertThat(interactions.has(u, interactions.indexOfItem(recommendation.item()))).isFalse();
				assertThat(recommendation.because()).isNotEmpty()
					.allSatisfy(reason -> assertThat(interactions.has(u, interactions.indexOfItem(reason))).isTrue());
			}
			assertThat(recommendations).extracting(Recommendation::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		});
		// the batch and the single answers agree
		assertThat(model.recommend("user-17", 10)).isEqualTo(all.get("user-17"));
	}

	@Test
	void onGeneratedTasteGroupsTheShippedModelReachesTheCosineBaselinesPrecision() {
		HoldOut.Split<String, String> split = HoldOut.random(TasteGroups.generate(7), 0.2, 11);
		RankingQuality shipped = RankingEvaluation.evaluate(split.train(), split.test(), 10);
		for (int neighbours : new int[] { 20, 50, 100, 500 }) {
			RankingQuality cosine = RankingEvaluation.evaluate(split.train(), split.test(), 10,
					train -> ItemBasedRecommender.cosine(train, neighbours));
			assertThat(shipped.precisionAtK()).as("against cosine with %d neighbours", neighbours)
				.isGreaterThanOrEqualTo(cosine.precisionAtK());
		}
	}

	private static Interaction<String, String> pair(String user, String item) {
		return Interaction.of(user, item);
	}
}
