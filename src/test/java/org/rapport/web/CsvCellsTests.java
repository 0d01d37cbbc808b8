package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvCellsTests {

	@Test
	void textThatASpreadsheetWouldTakeForAFormulaGetsAQuoteInFront() {
		assertThat(CsvCells.neutral("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
		assertThat(CsvCells.neutral("+49 40 123456")).isEqualTo("'+49 40 123456");
		assertThat(CsvCells.neutral("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
		assertThat(CsvCells.neutral("@SUM(A1:A2)")).isEqualTo("'@SUM(A1:A2)");
		assertThat(CsvCells.neutral("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvCells.neutral("\r=1")).isEqualTo("'\r=1");
	}

	@Test
	void numbersAndOrdinaryTextStayAsTheyAre() {
		assertThat(CsvCells.neutral(new BigDecimal("-12.50"))).isEqualTo(new BigDecimal("-12.50"));
		assertThat(CsvCells.neutral("-12.50")).isEqualTo("-12.50");
		assertThat(CsvCells.neutral("-7")).isEqualTo("-7");
		assertThat(CsvCells.neutral("Acme = good")).isEqualTo("Acme = good");
		assertThat(CsvCells.neutral("")).isEqualTo("");
		assertThat(CsvCells.neutral(null)).isNull();
	}

	@Test
	void readingBackTakesAwayOnlyTheQuoteThatWritingAdded() {
		for (String value : new String[] { "=1+1", "+49 40 123456", "-2+3", "@SUM(A1)", "\t=1", "plain", "-12.50",
				"'quoted by its author", "'" }) {
			assertThat(CsvCells.restored(String.valueOf(CsvCells.neutral(value)))).isEqualTo(value);
		}
	}
}
