package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecimalMarkTests {

	@Test
	void aDecimalCommaFileReadsOneFiftyAsOneAndAHalfNeverAsAHundredAndFifty() {
		assertThat(DecimalMark.COMMA.read("1,50")).isEqualByComparingTo("1.50");
		assertThat(DecimalMark.COMMA.read("1.234,56")).isEqualByComparingTo("1234.56");
		assertThat(DecimalMark.COMMA.read("1 234,56 €")).isEqualByComparingTo("1234.56");
		assertThat(DecimalMark.COMMA.read("-2,5")).isEqualByComparingTo("-2.5");
	}

	@Test
	void aDecimalPointFileReadsThousandsCommasAndASymbol() {
		assertThat(DecimalMark.POINT.read("1,234.56")).isEqualByComparingTo("1234.56");
		assertThat(DecimalMark.POINT.read("¥1,280.50")).isEqualByComparingTo("1280.50");
		assertThat(DecimalMark.POINT.read("1 200")).isEqualByComparingTo("1200");
		assertThat(DecimalMark.POINT.read("1.5")).isEqualByComparingTo("1.5");
	}

	@Test
	void aNumberWrittenTheOtherWayIsNoNumberRatherThanAChangedOne() {
		assertThat(DecimalMark.POINT.read("1,50")).isNull();
		assertThat(DecimalMark.POINT.read("1.234,56")).isNull();
		assertThat(DecimalMark.COMMA.read("1.5")).isNull();
		assertThat(DecimalMark.COMMA.read("1,234.56")).isNull();
		assertThat(DecimalMark.POINT.read("1,2,3")).isNull();
		assertThat(DecimalMark.POINT.read("abc")).isNull();
		assertThat(DecimalMark.POINT.read("1e30")).isNull();
		// a number too large for its column is still read, so that the column's bound names the problem
		assertThat(DecimalMark.POINT.read("1000000000000000")).isEqualByComparingTo("1E15");
		assertThat(DecimalMark.POINT.read("1.23456")).isNull();
	}

	@Test
	void theMarkIsDetectedFromTheCellsAndFromTheSeparatorWhenTheyDoNotTell() {
		assertThat(DecimalMark.detect(List.of("1,50", "12", "3,75"), ';')).isEqualTo(DecimalMark.COMMA);
		assertThat(DecimalMark.detect(List.of("1,50", "12"), ',')).isEqualTo(DecimalMark.COMMA);
		assertThat(DecimalMark.detect(List.of("1.50", "12"), ';')).isEqualTo(DecimalMark.POINT);
		assertThat(DecimalMark.detect(List.of("1,500", "12"), ';')).isEqualTo(DecimalMark.COMMA);
		assertThat(DecimalMark.detect(List.of("1,500", "12"), ',')).isEqualTo(DecimalMark.POINT);
		assertThat(DecimalMark.detect(List.of(), '\t')).isEqualTo(DecimalMark.COMMA);
	}

	@Test
	void germanExcelsFiveHundredThousandReadsWithADecimalCommaOnly() {
		assertThat(DecimalMark.COMMA.read("500.000,00")).isEqualByComparingTo("500000.00");
		assertThat(DecimalMark.POINT.read("500.000,00")).isNull();
		assertThat(DecimalMark.COMMA.read("1.200")).isEqualByComparingTo("1200");
	}

	@Test
	void everyNumericColumnOfTheSampleTellsTheMarkAndSaysWhichCellsTold() {
		DecimalMark.Detection detected = DecimalMark.detect(Map.of("Betrag", List.of("500.000,00", "1.200", "1,5", "")),
				';');
		assertThat(detected.mark()).isEqualTo(DecimalMark.COMMA);
		assertThat(detected.assumed()).isFalse();
		assertThat(detected.evidence())
			.containsExactly(new DecimalMark.Evidence("Betrag", DecimalMark.COMMA, 2, "500.000,00"));
	}

	@Test
	void aThousandTwoHundredWithoutAnythingThatTellsIsAssumedByTheSeparatorAndSaysSo() {
		DecimalMark.Detection semicolons = DecimalMark.detect(Map.of("Betrag", List.of("1.200", "500")), ';');
		assertThat(semicolons).isEqualTo(new DecimalMark.Detection(DecimalMark.COMMA, true, List.of()));
		assertThat(semicolons.mark().read("1.200")).isEqualByComparingTo("1200");
		DecimalMark.Detection commas = DecimalMark.detect(Map.of("Amount", List.of("1,200", "500")), ',');
		assertThat(commas).isEqualTo(new DecimalMark.Detection(DecimalMark.POINT, true, List.of()));
		assertThat(commas.mark().read("1,200")).isEqualByComparingTo("1200");
	}

	@Test
	void columnsThatDisagreeAreCountedTogetherAndTheMinorityIsNamed() {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		columns.put("Probability", List.of("100.0", "50.0"));
		columns.put("Amount", List.of("1.5", "2.25", "1,200"));
		columns.put("Discount", List.of("2,5"));
		DecimalMark.Detection detected = DecimalMark.detect(columns, ';');
		assertThat(detected.mark()).isEqualTo(DecimalMark.POINT);
		assertThat(detected.evidence()).containsExactly(
				new DecimalMark.Evidence("Probability", DecimalMark.POINT, 2, "100.0"),
				new DecimalMark.Evidence("Amount", DecimalMark.POINT, 2, "1.5"),
				new DecimalMark.Evidence("Discount", DecimalMark.COMMA, 1, "2,5"));
	}
}
