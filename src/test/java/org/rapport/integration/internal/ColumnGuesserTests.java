package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.integration.internal.ColumnGuesser.Candidate;

class ColumnGuesserTests {

	static Candidate source(String key, int position) {
		return new Candidate(key, 1, position);
	}

	static Candidate own(String key) {
		return new Candidate(key, 2, 0);
	}

	@Test
	void ofTwoColumnsThatCouldFillOneFieldTheOneWithValuesIsTakenAndTheChoiceSaysWhy() {
		ColumnGuesser.Guess guess = ColumnGuesser.guess(
				List.of(List.of(own("lastName")), List.of(source("account", 1)), List.of(source("account", 1))),
				List.of(true, false, true));

		assertThat(guess.mapping()).containsExactly(Map.entry(0, "lastName"), Map.entry(2, "account"));
		assertThat(guess.choices()).containsExactly(new ColumnChoice("account", 2, List.of(1), true));
	}

	@Test
	void whereBothHaveValuesTheHeaderListedFirstWinsThenTheColumnFurtherLeft() {
		ColumnGuesser.Guess byPosition = ColumnGuesser.guess(
				List.of(List.of(source("phone", 1)), List.of(source("phone", 0))), List.of(true, true));
		assertThat(byPosition.mapping()).containsExactly(Map.entry(1, "phone"));
		assertThat(byPosition.choices()).containsExactly(new ColumnChoice("phone", 1, List.of(0), false));

		ColumnGuesser.Guess byColumn = ColumnGuesser.guess(
				List.of(List.of(source("phone", 0)), List.of(source("phone", 0))), List.of(true, true));
		assertThat(byColumn.mapping()).containsExactly(Map.entry(0, "phone"));
		assertThat(byColumn.choices()).containsExactly(new ColumnChoice("phone", 0, List.of(1), false));
	}

	@Test
	void theSourceSystemsHeaderComesBeforeTheGenericOnesWhenBothHaveValues() {
		ColumnGuesser.Guess guess = ColumnGuesser.guess(
				List.of(List.of(own("externalId")), List.of(source("externalId", 0))), List.of(true, true));
		assertThat(guess.mapping()).containsExactly(Map.entry(1, "externalId"));
	}

	@Test
	void aColumnThatLosesAFieldTriesTheNextItsHeaderCouldName() {
		ColumnGuesser.Guess guess = ColumnGuesser.guess(
				List.of(List.of(source("account", 0)), List.of(source("account", 1), own("company"))),
				List.of(true, true));
		assertThat(guess.mapping()).containsExactly(Map.entry(0, "account"), Map.entry(1, "company"));
		assertThat(guess.choices()).isEmpty();
	}

	@Test
	void columnsNoHeaderNamesStayUnmapped() {
		ColumnGuesser.Guess guess = ColumnGuesser.guess(List.of(List.of(), List.of(own("email"))),
				List.of(true, true));
		assertThat(guess.mapping()).containsExactly(Map.entry(1, "email"));
	}
}
