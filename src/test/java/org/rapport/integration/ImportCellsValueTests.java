package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How cells written in another system's vocabulary read: whole numbers written as decimals, choices by any of their
 * names, and what the user's value map says; an optional choice that names none of ours never costs the row.
 */
class ImportCellsValueTests {

	private static final ImportColumn INDUSTRY = ImportColumn.choice("industry",
			List.of("FOOD_AND_BEVERAGE", "NON_PROFIT", "RETAIL", "TECHNOLOGY", "OTHER"), "industry", "Industry");

	private static final ImportColumn PROBABILITY = ImportColumn.of("probability", ImportColumn.Type.PERCENT,
			"Probability");

	private static final ImportColumn DAYS = ImportColumn.of("renewalNoticeDays", ImportColumn.Type.DAYS,
			"Notice Days");

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "100|100", "100.0|100", "100.00 %|100", "75 %|75", "75.0%|75", "0|0",
			"0.0|0", "1,000|" })
	void aPercentageWrittenAsADecimalWithADecimalPointReadsAsTheWholeNumber(String cell, Integer expected) {
		ImportRow row = read(Cells.in(Locale.ENGLISH), PROBABILITY, cell);
		if (expected == null) {
			assertThat(row.errors()).containsKey("probability");
		}
		else {
			assertThat(row.values()).containsEntry("probability", expected);
		}
	}

	@Test
	void aFileWithDecimalCommasWritesWholeNumbersWithACommaAndNeverWithAPoint() {
		ImportCells comma = Cells.in(Locale.ENGLISH, DecimalMark.COMMA, ValueMap.NONE);
		assertThat(read(comma, PROBABILITY, "100,00").values()).containsEntry("probability", 100);
		assertThat(read(comma, PROBABILITY, "75,0 %").values()).containsEntry("probability", 75);
		assertThat(read(comma, DAYS, "1.000").values()).containsEntry("renewalNoticeDays", 1000);
		assertThat(read(comma, PROBABILITY, "100.0").errors()).containsEntry("probability",
				"Probability (%): 100.0 is not a whole number from 0 to 100");
		assertThat(read(Cells.in(Locale.ENGLISH), PROBABILITY, "100,00").errors()).containsKey("probability");
	}

	@Test
	void aFractionThatIsNotWholeIsRefusedNamingTheCellNeverRounded() {
		assertThat(read(Cells.in(Locale.ENGLISH), PROBABILITY, "33.3").errors()).containsEntry("probability",
				"Probability (%): 33.3 is not a whole number, and an import does not round it");
		assertThat(read(Cells.in(Locale.ENGLISH), DAYS, "12.5").errors()).containsEntry("renewalNoticeDays",
				"Renewal notice (days): 12.5 is not a whole number, and an import does not round it");
		assertThat(read(Cells.in(Locale.SIMPLIFIED_CHINESE), DAYS, "12.5").errors()).containsEntry(
				"renewalNoticeDays", "续约通知天数：12.5 不是整数，导入不会将其四舍五入");
		assertThat(read(Cells.in(Locale.ENGLISH), DAYS, "30.0").values()).containsEntry("renewalNoticeDays", 30);
	}

	@Test
	void numbersOutOfRangeOrWithACurrencyAreRefusedNamingTheCell() {
		assertThat(read(Cells.in(Locale.ENGLISH), PROBABILITY, "101").errors()).containsEntry("probability",
				"Probability (%): 101 is not a whole number from 0 to 100");
		assertThat(read(Cells.in(Locale.ENGLISH), PROBABILITY, "-5").errors()).containsKey("probability");
		assertThat(read(Cells.in(Locale.ENGLISH), DAYS, "€30").errors()).containsEntry("renewalNoticeDays",
				"Renewal notice (days): €30 is not a whole number of days (such as 30)");
		assertThat(read(Cells.in(Locale.ENGLISH), DAYS, "100000").errors()).containsKey("renewalNoticeDays");
	}

	@Test
	void aChoiceIsReadByItsCodeOrItsLabelInEitherLanguageLooselyCompared() {
		ImportCells cells = Cells.in(Locale.ENGLISH);
		assertThat(read(cells, INDUSTRY, "Food & Beverage").values()).containsEntry("industry", "FOOD_AND_BEVERAGE");
		assertThat(read(cells, INDUSTRY, "food_and_beverage").values()).containsEntry("industry",
				"FOOD_AND_BEVERAGE");
		assertThat(read(cells, INDUSTRY, "食品饮料").values()).containsEntry("industry", "FOOD_AND_BEVERAGE");
		assertThat(read(cells, INDUSTRY, " Non profit. ").values()).containsEntry("industry", "NON_PROFIT");
		assertThat(read(cells, INDUSTRY, "Not For Profit").values()).as("Salesforce's name")
			.containsEntry("industry", "NON_PROFIT");
		assertThat(read(cells, INDUSTRY, "COMPUTER_SOFTWARE").values()).as("HubSpot's name")
			.containsEntry("industry", "TECHNOLOGY");
	}

	@Test
	void anOptionalChoiceThatIsNotOursIsLeftOutWithANoticeAndTheRowStaysValid() {
		ImportRow row = read(Cells.in(Locale.ENGLISH), INDUSTRY, "Apparel");
		assertThat(row.isValid()).isTrue();
		assertThat(row.values()).doesNotContainKey("industry");
		assertThat(row.notices()).containsEntry("industry", "Industry: 'Apparel' is not one of ours; left out");
		assertThat(row.noticeText()).isEqualTo("Industry: 'Apparel' is not one of ours; left out");
	}

	@Test
	void aRequiredChoiceThatIsNotOursRejectsTheRowListingTheChoices() {
		ImportColumn required = new ImportColumn("industry", ImportColumn.Type.CHOICE, true, 40, INDUSTRY.choices(),
				"industry", List.of("Industry"), null, null);
		ImportRow row = read(Cells.in(Locale.ENGLISH), required, "Apparel");
		assertThat(row.errors().get("industry")).startsWith("Industry: not one of ").contains("RETAIL (Retail)");
		assertThat(row.notices()).isEmpty();
	}

	@Test
	void theValueMapSaysWhatAFilesValueStandsForBeforeItsOwnNamesAndMayLeaveItOut() {
		ValueMap map = new ValueMap(Map.of("industry", Map.of("Apparel", "RETAIL", "food & beverage", "OTHER",
				"Unknown", "")));
		ImportCells cells = Cells.in(Locale.ENGLISH, DecimalMark.POINT, map);
		assertThat(read(cells, INDUSTRY, "APPAREL").values()).containsEntry("industry", "RETAIL");
		assertThat(read(cells, INDUSTRY, "Food and Beverage").values()).containsEntry("industry", "OTHER");
		ImportRow leftOut = read(cells, INDUSTRY, "unknown");
		assertThat(leftOut.values()).doesNotContainKey("industry");
		assertThat(leftOut.notices()).as("the user chose to leave it out").isEmpty();
		assertThat(read(cells, INDUSTRY, "Retail").values()).containsEntry("industry", "RETAIL");
	}

	@Test
	void aTextColumnTakesTheValueTheValueMapGivesItsCell() {
		ImportColumn stage = ImportColumn.of("stage", ImportColumn.Type.TEXT, "Stage");
		ImportCells cells = Cells.in(Locale.ENGLISH, DecimalMark.POINT,
				new ValueMap(Map.of("stage", Map.of("Value Proposition", "Proposal", "Id. Decision Makers", ""))));
		assertThat(read(cells, stage, "value proposition").values()).containsEntry("stage", "Proposal");
		assertThat(read(cells, stage, "Id. Decision Makers").values()).doesNotContainKey("stage");
		assertThat(read(cells, stage, "Prospecting").values()).containsEntry("stage", "Prospecting");
	}

	private static ImportRow read(ImportCells cells, ImportColumn column, String cell) {
		ImportRow row = new ImportRow(2, List.of(cell));
		cells.read(column, cell, row);
		return row;
	}
}
