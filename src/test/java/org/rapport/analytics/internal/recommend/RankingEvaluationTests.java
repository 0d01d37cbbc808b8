package org.rapport.analytics.internal.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

class RankingEvaluationTests {

	/**
	 * Four items that three users each have; the pairs A-B, B-C and C-D share two users, the others one, so the
	 * cosines are 2/3 and 1/3.
	 */
	private static Interactions<String, String> train() {
		return Interactions.of(List.of(pair("u1", "A"), pair("u1", "B"), pair("u2", "A"), pair("u2", "B"),
				pair("u2", "C"), pair("u3", "B"), pair("u3", "C"), pair("u3", "D"), pair("u4", "A"), pair("u4", "D"),
				pair("u5", "C"), pair("u5", "D")));
	}

	/**
	 * u1 is to find C (and E, which the training set never saw), u2 D, u3 A, u4 C; u5's only test item is one it
	 * already has, and u6 is unknown to the training set: neither counts.
	 */
	private static Interactions<String, String> test() {
		return Interactions.of(List.of(pair("u1", "C"), pair("u1", "E"), pair("u2", "D"), pair("u3", "A"),
				pair("u4", "C"), pair("u5", "D"), pair("u6", "A")));
	}

	@Test
	void precisionAndRecallAtOneMatchTheWorkedExample() {
		// u1: C scores 1/3 + 2/3, D 2/3, so C: a hit of 2 test items. u2 and u3: their one candidate is their test
		// item. u4: B and C tie at 1, the earlier item B is ranked first: a miss.
		RankingQuality quality = RankingEvaluation.evaluate(train(), test(), 1,
				interactions -> ItemBasedRecommender.cosine(interactions, 10));
		assertThat(quality.users()).isEqualTo(4);
		assertThat(quality.precisionAtK()).isCloseTo((1 + 1 + 1 + 0) / 4.0, within(1e-12));
		assertThat(quality.recallAtK()).isCloseTo((0.5 + 1 + 1 + 0) / 4.0, within(1e-12));
	}

	@Test
	void precisionAtKDividesByKEvenWhenTheModelKnowsFewerItems() {
		// at k = 2 every user gets one hit; u2 and u3 have a single candidate, still counted against 2
		RankingQuality quality = RankingEvaluation.evaluate(train(), test(), 2,
				interactions -> ItemBasedRecommender.cosine(interactions, 10));
		assertThat(quality.users()).isEqualTo(4);
		assertThat(quality.precisionAtK()).isCloseTo(0.5, within(1e-12));
		assertThat(quality.recallAtK()).isCloseTo((0.5 + 1 + 1 + 1) / 4.0, within(1e-12));
	}

	@Test
	void theMostPopularBaselineRecommendsTheSameItemsToEveryone() {
		// all four items have three users: ties go to the earlier item, A, then B, C, D
		RankingQuality quality = RankingEvaluation.evaluate(train(), test(), 1, MostPopular::fit);
		// u1 gets C (hit), u2 D (hit), u3 A (hit), u4 B (miss)
		assertThat(quality.precisionAtK()).isCloseTo(0.75, within(1e-12));
	}

	@Test
	void theShippedModelIsEvaluatedWhenNoModelIsNamed() {
		RankingQuality quality = RankingEvaluation.evaluate(train(), test(), 10);
		assertThat(quality.users()).isEqualTo(4);
		// every user's candidates include the test item, found within ten
		assertThat(quality.recallAtK()).isCloseTo((0.5 + 1 + 1 + 1) / 4.0, within(1e-12));
	}

	@Test
	void kOutOfRangeIsRefusedNamingK() {
		for (int k : new int[] { 0, -1, 101 }) {
			assertThatThrownBy(() -> RankingEvaluation.evaluate(train(), test(), k)).isInstanceOf(InvalidField.class)
				.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
				.containsExactly("k", "analytics.recommendations.kOutOfRange");
		}
	}

	@Test
	void anEmptySetIsRefusedNamingIt() {
		Interactions<String, String> empty = Interactions.of(List.of());
		assertThatThrownBy(() -> RankingEvaluation.evaluate(empty, test(), 10)).isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
			.containsExactly("train", "analytics.recommendations.noInteractions");
		assertThatThrownBy(() -> RankingEvaluation.evaluate(train(), empty, 10)).isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field())
			.isEqualTo("test");
	}

	@Test
	void aTestSetWithoutAUserOfTheTrainingSetIsRefused() {
		Interactions<String, String> strangers = Interactions.of(List.of(pair("x1", "A"), pair("x2", "B")));
		assertThatThrownBy(() -> RankingEvaluation.evaluate(train(), strangers, 10)).isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
			.containsExactly("test", "analytics.recommendations.noCommonUser");
	}

	@Test
	void aTestSetOfOnlyRepeatedPurchasesIsRefused() {
		Interactions<String, String> repeats = Interactions.of(List.of(pair("u1", "A"), pair("u2", "C")));
		assertThatThrownBy(() -> RankingEvaluation.evaluate(train(), repeats, 10)).isInstanceOf(InvalidField.class)
			.extracting(e -> ((InvalidField) e).field(), e -> ((InvalidField) e).messageKey())
			.containsExactly("test", "analytics.recommendations.nothingNew");
	}

	@Test
	void onGeneratedTasteGroupsTheShippedModelClearlyBeatsTheMostPopularItems() {
		HoldOut.Split<String, String> split = HoldOut.random(TasteGroups.generate(7), 0.2, 11);
		RankingQuality shipped = RankingEvaluation.evaluate(split.train(), split.test(), 10);
		RankingQuality popular = RankingEvaluation.evaluate(split.train(), split.test(), 10, MostPopular::fit);
		assertThat(shipped.users()).isEqualTo(TasteGroups.USERS);
		assertThat(shipped.precisionAtK()).isGreaterThan(1.5 * popular.precisionAtK());
		assertThat(shipped.recallAtK()).isGreaterThan(1.5 * popular.recallAtK());
	}

	private static Interaction<String, String> pair(String user, String item) {
		return Interaction.of(user, item);
	}
}
