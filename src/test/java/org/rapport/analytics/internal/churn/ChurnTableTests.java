package org.rapport.analytics.internal.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rapport.shared.InvalidField;

class ChurnTableTests {

	private static Telco telco;

	@BeforeAll
	static void readTheFile() {
		telco = Telco.load();
	}

	@Test
	void theTelcoFileGivesFourNumberColumnsAndOneHotTextsWithoutTheIdentifier() {
		ChurnTable table = telco.table();

		assertThat(table.rows()).isEqualTo(7043);
		// 4 number columns and 41 levels of 15 text columns
		assertThat(table.features()).hasSize(45)
			.contains("tenure", "SeniorCitizen", "MonthlyCharges", "TotalCharges", "Contract=Month-to-month",
					"Contract=One year", "Contract=Two year", "PaymentMethod=Electronic check", "gender=Female")
			.noneMatch(feature -> feature.startsWith("customerID") || feature.startsWith("Churn"));
		assertThat(table.imputation()).contains("median").contains("11 in TotalCharges");
	}

	@Test
	void predictingThatNobodyChurnsIsRightForThreeQuartersOfTelco() {
		ChurnTable table = telco.table();

		assertThat(table.churned()).isEqualTo(1869);
		assertThat(table.noChurnAccuracy()).isCloseTo(0.735, within(0.0005));
	}

	@Test
	void aBlankNumberIsLeftMissingForTheMedianAndABlankTextSetsNoLevel() {
		ChurnTable table = ChurnTable.fromText(List.of("id", "plan", "spend", "left"),
				List.of(row("1", "basic", "10", "yes"), row("2", "", " ", "no"), row("3", "gold", "30", "yes"),
						row("4", "basic", "20.5", "no")),
				"left", "yes", "id");

		assertThat(table.features()).containsExactly("plan=basic", "plan=gold", "spend");
		assertThat(table.values()[1][0]).isZero();
		assertThat(table.values()[1][1]).isZero();
		assertThat(table.values()[1][2]).isNaN();
		assertThat(table.values()[3][2]).isEqualTo(20.5);
		assertThat(table.labels()).containsExactly(1, 0, 1, 0);
		assertThat(table.imputation()).contains("1 in spend").contains("1 in plan");
	}

	@Test
	void aColumnWithOneTextAmongNumbersIsText() {
		ChurnTable table = ChurnTable.fromText(List.of("code", "left"),
				List.of(row("1", "y"), row("2", "n"), row("n/a", "y"), row("1", "n")), "left", "y", null);

		assertThat(table.features()).containsExactly("code=1", "code=2", "code=n/a");
	}

	@Test
	void aMissingTargetOrIdentifierColumnIsRefusedByItsParameter() {
		assertRefused(() -> ChurnTable.fromText(telco.columns(), telco.rows(), "Churned", "Yes", "customerID"),
				"target", "analytics.churn.missingColumn");
		assertRefused(() -> ChurnTable.fromText(telco.columns(), telco.rows(), "Churn", "Yes", "customerId"),
				"idColumn", "analytics.churn.missingColumn");
		assertRefused(() -> ChurnTable.fromText(telco.columns(), telco.rows(), " ", "Yes", "customerID"), "target",
				"analytics.churn.targetRequired");
		assertRefused(() -> ChurnTable.fromText(telco.columns(), telco.rows(), "Churn", "Yes", "Churn"), "idColumn",
				"analytics.churn.idIsTarget");
	}

	@Test
	void aValueOfChurnThatNoRowHoldsIsRefusedWithTheValuesFound() {
		assertThatThrownBy(() -> ChurnTable.fromText(telco.columns(), telco.rows(), "Churn", "yes", "customerID"))
			.isInstanceOfSatisfying(InvalidField.class, refusal -> {
				assertThat(refusal.field()).isEqualTo("positive");
				assertThat(refusal.messageKey()).isEqualTo("analytics.churn.tooFewChurned");
				assertThat(refusal.getMessage()).contains("No, Yes");
			});
	}

	@Test
	void aTargetWhereEveryRowChurnedIsRefused() {
		List<String[]> rows = List.of(row("1", "y"), row("2", "y"), row("3", "y"));

		assertRefused(() -> ChurnTable.fromText(List.of("x", "left"), rows, "left", "y", null), "target",
				"analytics.churn.tooFewRetained");
	}

	@Test
	void aRowWithTheWrongNumberOfCellsIsRefusedByItsLine() {
		List<String[]> rows = List.of(row("1", "a", "y"), row("2", "b", "n"), row("3", "n"), row("4", "a", "y"));

		assertThatThrownBy(() -> ChurnTable.fromText(List.of("x", "kind", "left"), rows, "left", "y", null))
			.isInstanceOfSatisfying(InvalidField.class, refusal -> {
				assertThat(refusal.field()).isEqualTo("file");
				assertThat(refusal.messageKey()).isEqualTo("analytics.churn.rowWidth");
				assertThat(refusal.getArguments()).startsWith(4, 2, 3);
			});
	}

	@Test
	void aBlankTargetIsRefusedByItsLine() {
		List<String[]> rows = List.of(row("1", "y"), row("2", "n"), row("3", ""), row("4", "y"), row("5", "n"));

		assertThatThrownBy(() -> ChurnTable.fromText(List.of("x", "left"), rows, "left", "y", null))
			.isInstanceOfSatisfying(InvalidField.class, refusal -> {
				assertThat(refusal.field()).isEqualTo("target");
				assertThat(refusal.getArguments()).startsWith(4);
			});
	}

	@Test
	void anIdentifierLeftAmongTheFeaturesIsRefusedForItsManyTexts() {
		assertRefused(() -> ChurnTable.fromText(telco.columns(), telco.rows(), "Churn", "Yes", null), "idColumn",
				"analytics.churn.tooManyLevels");
	}

	@Test
	void aFileWithOnlyTheTargetHasNothingToLearnFrom() {
		assertRefused(() -> ChurnTable.fromText(List.of("left"), List.of(row("y"), row("y"), row("n"), row("n")),
				"left", "y", null), "file", "analytics.churn.noFeatures");
	}

	@Test
	void numbersFromTheCrmKeepTheirNamesAndMissingValues() {
		ChurnTable table = ChurnTable.fromNumbers(List.of("tenure", "orders"),
				new double[][] { { 1, 2 }, { 5, Double.NaN }, { 9, 1 }, { 2, 0 } },
				new boolean[] { true, false, false, true });

		assertThat(table.features()).containsExactly("tenure", "orders");
		assertThat(table.churned()).isEqualTo(2);
		assertThat(table.imputation()).contains("1 in orders");
		assertRefused(() -> ChurnTable.fromNumbers(List.of("tenure"), new double[][] { { 1 }, { 2, 3 } },
				new boolean[] { true, false }), "features", "analytics.churn.featureCount");
		assertRefused(() -> ChurnTable.fromNumbers(List.of("tenure"), new double[][] { { 1 }, { 2 }, { 3 } },
				new boolean[] { true, false, false }), "target", "analytics.churn.tooFewChurnedRows");
	}

	static String[] row(String... cells) {
		return cells;
	}

	static void assertRefused(Runnable action, String field, String messageKey) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidField.class, refusal -> {
			assertThat(refusal.field()).isEqualTo(field);
			assertThat(refusal.messageKey()).isEqualTo(messageKey);
		});
	}
}
