package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateOrderTests {

	static final LocalDate NOVEMBER_9 = LocalDate.of(2005, 11, 9);

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void eachOrderReadsItsOwnWayOfWritingTheNinthOfNovember() {
		for (String cell : List.of("09.11.2005", "9.11.2005", "9/11/2005", "09-11-2005", "09.11.05")) {
			assertThat(DateOrder.DMY.read(cell, BERLIN)).as(cell).isEqualTo(NOVEMBER_9);
		}
		for (String cell : List.of("11/9/2005", "11/09/2005", "11-09-2005", "11/9/05")) {
			assertThat(DateOrder.MDY.read(cell, BERLIN)).as(cell).isEqualTo(NOVEMBER_9);
		}
		for (String cell : List.of("2005-11-09", "2005/11/9", "2005.11.09", "2005年11月9日", " 2005 年 11 月 9 日 ")) {
			assertThat(DateOrder.YMD.read(cell, BERLIN)).as(cell).isEqualTo(NOVEMBER_9);
		}
	}

	@Test
	void aFourDigitYearFirstReadsYearMonthDayInEveryOrder() {
		for (DateOrder order : DateOrder.values()) {
			assertThat(order.read("2005-11-09", BERLIN)).as(order.name()).isEqualTo(NOVEMBER_9);
			assertThat(order.read("2005年11月9日", BERLIN)).as(order.name()).isEqualTo(NOVEMBER_9);
		}
	}

	@Test
	void aCellThatContradictsItsColumnsOrderIsNoDateRatherThanAnotherOne() {
		assertThat(DateOrder.MDY.read("13/25/2005", BERLIN)).isNull();
		assertThat(DateOrder.MDY.read("13.11.2005", BERLIN)).isNull();
		assertThat(DateOrder.DMY.read("11/13/2005", BERLIN)).isNull();
		assertThat(DateOrder.DMY.read("31.02.2005", BERLIN)).isNull();
		assertThat(DateOrder.YMD.read("09.11.2005", BERLIN)).isNull();
		assertThat(DateOrder.DMY.read("2005-13-01", BERLIN)).isNull();
		assertThat(DateOrder.DMY.read("9.11.205", BERLIN)).isNull();
		assertThat(DateOrder.DMY.read("09.11.2005 soon", BERLIN)).isNull();
		assertThat(DateOrder.DMY.read("1.2.3", BERLIN)).isNull();
		assertThat(DateOrder.MDY.read("11/9-2005", BERLIN)).isNull();
	}

	@Test
	void twoDigitYearsReadAsSpreadsheetsReadThem() {
		assertThat(DateOrder.DMY.read("01.02.29", BERLIN)).isEqualTo(LocalDate.of(2029, 2, 1));
		assertThat(DateOrder.DMY.read("01.02.30", BERLIN)).isEqualTo(LocalDate.of(1930, 2, 1));
		assertThat(DateOrder.MDY.read("12/31/99", BERLIN)).isEqualTo(LocalDate.of(1999, 12, 31));
		assertThat(DateOrder.MDY.read("1/1/00", BERLIN)).isEqualTo(LocalDate.of(2000, 1, 1));
	}

	@Test
	void dateTimesReadAsTheDateInTheImportingUsersZone() {
		assertThat(DateOrder.YMD.read("2005-11-09T10:00:00.000Z", BERLIN)).isEqualTo(NOVEMBER_9);
		assertThat(DateOrder.YMD.read("2005-11-09T23:30:00.000Z", BERLIN)).isEqualTo(LocalDate.of(2005, 11, 10));
		assertThat(DateOrder.YMD.read("2005-11-09T02:00:00Z", ZoneId.of("America/Los_Angeles")))
			.isEqualTo(LocalDate.of(2005, 11, 8));
		assertThat(DateOrder.YMD.read("2005-11-09 02:00:00+01:00", ZoneOffset.UTC))
			.isEqualTo(LocalDate.of(2005, 11, 9));
		assertThat(DateOrder.YMD.read("2021-03-04 10:22", BERLIN)).isEqualTo(LocalDate.of(2021, 3, 4));
		assertThat(DateOrder.MDY.read("11/9/2005 10:00 AM", BERLIN)).isEqualTo(NOVEMBER_9);
		assertThat(DateOrder.MDY.read("11/9/2005 11:30 PM", BERLIN)).isEqualTo(NOVEMBER_9);
		assertThat(DateOrder.DMY.read("09.11.2005 23:59", BERLIN)).isEqualTo(NOVEMBER_9);
		assertThat(DateOrder.MDY.read("11/9/2005 13:00 PM", BERLIN)).isNull();
		assertThat(DateOrder.YMD.read("2005-11-09T25:00", BERLIN)).isNull();
	}

	@Test
	void aDateTimeKeepsItsTimeAndOffsetForFieldsThatHoldInstants() {
		assertThat(DateOrder.MDY.written("11/9/2005 10:00 PM").isoDateTime()).isEqualTo("2005-11-09T22:00");
		assertThat(DateOrder.YMD.written("2005-11-09T10:00:00.000Z").isoDateTime()).isEqualTo("2005-11-09T10:00Z");
		assertThat(DateOrder.DMY.written("09.11.2005").isoDateTime()).isEqualTo("2005-11-09T00:00");
	}

	@Test
	void aDateTimeNamesAMomentWithItsFractionOfASecondInTheImportingUsersZoneWhenItHasNoOffset() {
		assertThat(DateOrder.YMD.written("2026-03-31T09:15:02.123456Z").instantIn(BERLIN))
			.isEqualTo(Instant.parse("2026-03-31T09:15:02.123456Z"));
		assertThat(DateOrder.YMD.written("2026-03-31 09:15:02,5+02:00").instantIn(ZoneOffset.UTC))
			.isEqualTo(Instant.parse("2026-03-31T07:15:02.500Z"));
		assertThat(DateOrder.MDY.written("3/31/2026 9:15 AM").instantIn(BERLIN))
			.isEqualTo(Instant.parse("2026-03-31T07:15:00Z"));
		assertThat(DateOrder.DMY.written("31.03.2026").instantIn(BERLIN)).isEqualTo(Instant.parse("2026-03-30T22:00:00Z"));
		assertThat(DateOrder.YMD.written("2026-03-31T09:15:02.123456Z").isoDateTime())
			.isEqualTo("2026-03-31T09:15:02.123456Z");
	}

	@Test
	void aColumnTellsItsOrderByADayOrMonthAboveTwelveOrByDots() {
		assertThat(DateOrder.detect(List.of("01/02/2005", "13/02/2005", ""), DecimalMark.POINT))
			.isEqualTo(new DateOrder.Detection(DateOrder.DMY, false, "13/02/2005"));
		assertThat(DateOrder.detect(List.of("01/02/2005", "02/13/2005"), DecimalMark.COMMA))
			.isEqualTo(new DateOrder.Detection(DateOrder.MDY, false, "02/13/2005"));
		assertThat(DateOrder.detect(List.of("01.02.2005"), DecimalMark.POINT))
			.isEqualTo(new DateOrder.Detection(DateOrder.DMY, false, "01.02.2005"));
		assertThat(DateOrder.detect(List.of("2005-11-09", "2006/1/2"), DecimalMark.COMMA))
			.isEqualTo(new DateOrder.Detection(DateOrder.YMD, false, "2005-11-09"));
	}

	@Test
	void aColumnThatDoesNotTellIsAssumedByTheFilesDecimalMark() {
		assertThat(DateOrder.detect(List.of("01/02/2005", "2005-01-03"), DecimalMark.COMMA))
			.isEqualTo(new DateOrder.Detection(DateOrder.DMY, true, null));
		assertThat(DateOrder.detect(List.of("01/02/2005", "11/9/2005 10:00 AM"), DecimalMark.POINT))
			.isEqualTo(new DateOrder.Detection(DateOrder.MDY, true, null));
	}

	@Test
	void aColumnOfOtherThingsHoldsNoDates() {
		assertThat(DateOrder.detect(List.of("Acme", "1.200", "+49 89 123456"), DecimalMark.COMMA)).isNull();
		assertThat(DateOrder.detect(List.of("", " "), DecimalMark.COMMA)).isNull();
		assertThat(DateOrder.detect(List.of("1.2.3", "10.0.0.1"), DecimalMark.COMMA)).isNull();
		assertThat(DateOrder.detect(List.of("01/02/2005", "n/a", "tbd", "later"), DecimalMark.POINT)).isNull();
	}
}
