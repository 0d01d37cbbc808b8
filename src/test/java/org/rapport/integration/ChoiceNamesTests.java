package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoiceNamesTests {

	@Test
	void namesCompareWithoutCaseSurroundingSpacesAndPunctuation() {
		assertThat(ChoiceNames.same("  Closed Won ", "closed won")).isTrue();
		assertThat(ChoiceNames.same("Negotiation/Review", "negotiation review")).isTrue();
		assertThat(ChoiceNames.same("Id. Decision Makers", "ID Decision-Makers")).isTrue();
		assertThat(ChoiceNames.same("Non-profit", "Nonprofit")).isTrue();
		assertThat(ChoiceNames.same("E-mail", "email")).isTrue();
		assertThat(ChoiceNames.same("Customer - Direct", "customer_direct")).isTrue();
		assertThat(ChoiceNames.same("Closed Won", "Closed Lost")).isFalse();
	}

	@Test
	void anAmpersandIsTheSameAsAndInEnglishAndGerman() {
		assertThat(ChoiceNames.same("Food & Beverage", "FOOD_AND_BEVERAGE")).isTrue();
		assertThat(ChoiceNames.same("Food&Beverage", "food and beverage")).isTrue();
		assertThat(ChoiceNames.same("Essen und Trinken", "Essen & Trinken")).isTrue();
		assertThat(ChoiceNames.same("Food Beverage", "Food & Beverage")).isFalse();
	}

	@Test
	void accentsAndWideFormsAreLeftOutSoThatTheirPlainSpellingMatches() {
		assertThat(ChoiceNames.same("Éducation", "education")).isTrue();
		assertThat(ChoiceNames.same("Straße", "STRASSE")).isTrue();
		assertThat(ChoiceNames.same("Öffentlicher Dienst", "offentlicher dienst")).isTrue();
		assertThat(ChoiceNames.same("ＲＥＴＡＩＬ", "Retail")).isTrue();
	}

	@Test
	void chineseNamesCompareAsWrittenWithoutTheirPunctuation() {
		assertThat(ChoiceNames.same("食品饮料", " 食品饮料。")).isTrue();
		assertThat(ChoiceNames.same("食品饮料", "食品")).isFalse();
	}

	@Test
	void aNameOfPunctuationOnlyNamesNothing() {
		assertThat(ChoiceNames.key(" - ")).isEmpty();
		assertThat(ChoiceNames.same("-", "–")).isFalse();
		assertThat(ChoiceNames.of(Map.of("OTHER", List.of("Other"))).choiceNamed("--")).isNull();
	}

	@Test
	void aChoiceIsFoundByItsCodeOrAnyOfItsNamesAndAValueThatNamesTwoChoicesNamesNone() {
		ChoiceNames names = ChoiceNames.of(Map.of("FOOD_AND_BEVERAGE", List.of("Food and beverage", "食品饮料"),
				"RETAIL", List.of("Retail", "Shop"), "OTHER", List.of("Other", "Shop")));
		assertThat(names.choiceNamed("food & beverage")).isEqualTo("FOOD_AND_BEVERAGE");
		assertThat(names.choiceNamed("食品饮料")).isEqualTo("FOOD_AND_BEVERAGE");
		assertThat(names.choiceNamed("retail")).isEqualTo("RETAIL");
		assertThat(names.choiceNamed("Shop")).as("named by two choices").isNull();
		assertThat(names.choiceNamed("Apparel")).isNull();
	}

	@Test
	void theNamesOtherSystemsGiveOurChoicesAreListedByTheKeyOfTheirLabel() {
		assertThat(ChoiceNames.otherSystems("industry.NON_PROFIT")).contains("Not For Profit");
		assertThat(ChoiceNames.otherSystems("accountType.PERSON")).contains("Individual");
		assertThat(ChoiceNames.otherSystems("stage.EXISTING")).contains("Customer", "Evangelist");
		assertThat(ChoiceNames.otherSystems("source.PARTNER")).contains("Partner Referral");
		assertThat(ChoiceNames.otherSystems("builtIn.stage.proposal")).contains("Proposal/Price Quote", "Proposition");
		assertThat(ChoiceNames.otherSystems("industry.NOTHING")).isEmpty();
	}
}
