package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
