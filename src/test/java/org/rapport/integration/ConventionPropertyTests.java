package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the conventions a file writes numbers and dates in, each checked over many values drawn with a fixed
 * seed: a number written in any supported way reads back equal by its mark, and a date written in any supported
 * way reads back equal by its order; and detection never names the wrong mark or order.
 */
class ConventionPropertyTests {

	static final int VALUES = 400;

	static final long SEED = 20051109L;

	/** How thousands are set apart: not at all, by the mark's grouping character, or by one of three spaces. */
	enum Grouping {
		NONE, MARKS, SPACE, NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE
	}

	static Stream<Arguments> numberConventions() {
		List<Arguments> conventions = new ArrayList<>();
		for (DecimalMark mark : DecimalMark.values()) {
			for (Grouping grouping : Grouping.values()) {
				for (String[] currency : new String[][] { { "", "" }, { "€", "" }, { "", " €" }, { "$", "" },
						{ "¥ ", "" }, { " ", "  " } }) {
					conventions.add(Arguments.of(mark, grouping, currency[0], currency[1]));
				}
			}
		}
		return conventions.stream();
	}

	@ParameterizedTest(name = "{0}, grouped by {1}, written as [{2}]n[{3}]")
	@MethodSource("numberConventions")
	void aNumberWrittenInAnySupportedConventionReadsBackEqual(DecimalMark mark, Grouping grouping, String before,
			String after) {
		Random random = new Random(SEED + mark.ordinal() * 100 + grouping.ordinal());
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < VALUES; i++) {
			BigDecimal value = number(random);
			String cell = before + written(value, mark, grouping) + after;
			cells.add(cell);
			assertThat(mark.read(cell)).as(cell).isNotNull().isEqualByComparingTo(value);
		}
		for (char delimiter : new char[] { ',', ';', '\t' }) {
			DecimalMark.Detection detected = DecimalMark.detect(Map.of("Amount", cells), delimiter);
			assertThat(detected.assumed() || detected.mark() == mark).as("detected %s", detected).isTrue();
		}
	}

	static Stream<Arguments> dateConventions() {
		List<Arguments> conventions = new ArrayList<>();
		for (DateOrder order : DateOrder.values()) {
			for (String separator : List.of("-", "/", ".")) {
				for (boolean padded : new boolean[] { true, false }) {
					for (boolean shortYear : new boolean[] { false, true }) {
						for (String time : List.of("", " 10:22", "T23:59:59.000Z", " 9:05 PM")) {
							if (!(order == DateOrder.YMD && shortYear)) {
								conventions.add(Arguments.of(order, separator, padded, shortYear, time));
							}
						}
					}
				}
			}
		}
		conventions.add(Arguments.of(DateOrder.YMD, "年", false, false, ""));
		conventions.add(Arguments.of(DateOrder.YMD, "年", true, false, " 10:22"));
		return conventions.stream();
	}

	@ParameterizedTest(name = "{0} separated by {1}, padded {2}, two-digit year {3}, time [{4}]")
	@MethodSource("dateConventions")
	void aDateWrittenInAnySupportedConventionReadsBackEqual(DateOrder order, String separator, boolean padded,
			boolean shortYear, String time) {
		Random random = new Random(SEED + order.ordinal() * 1000 + separator.hashCode() + (padded ? 1 : 0)
				+ (shortYear ? 2 : 0) + time.hashCode());
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < VALUES; i++) {
			LocalDate date = shortYear ? LocalDate.of(1930, 1, 1).plusDays(random.nextInt(36524))
					: LocalDate.of(1900, 1, 2).plusDays(random.nextInt(109937));
			String cell = written(date, order, separator, padded, shortYear) + time;
			cells.add(cell);
			assertThat(order.read(cell, ZoneOffset.UTC)).as(cell).isEqualTo(date);
		}
		for (DecimalMark mark : DecimalMark.values()) {
			DateOrder.Detection detected = DateOrder.detect(cells, mark);
			assertThat(detected).as(cells.get(0)).isNotNull();
			assertThat(detected.assumed() || detected.order() == order).as("detected %s", detected).isTrue();
		}
	}

	/** A non-negative number up to a trillion, with up to four digits after the mark. */
	private static BigDecimal number(Random random) {
		int digits = 1 + random.nextInt(13);
		BigInteger whole = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
		int scale = random.nextInt(5);
		BigInteger fraction = BigInteger.valueOf(random.nextInt((int) Math.pow(10, scale)));
		return new BigDecimal(whole).add(new BigDecimal(fraction, scale)).setScale(scale);
	}

	private static String written(BigDecimal value, DecimalMark mark, Grouping grouping) {
		String plain = value.toPlainString();
		int point = plain.indexOf('.');
		String whole = point < 0 ? plain : plain.substring(0, point);
		String fraction = point < 0 ? "" : plain.substring(point + 1);
		String separator = switch (grouping) {
			case NONE -> "";
			case MARKS -> mark == DecimalMark.POINT ? "," : ".";
			case SPACE -> " ";
			case NO_BREAK_SPACE -> "\u00a0";
			case NARROW_NO_BREAK_SPACE -> "\u202f";
		};
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				grouped.append(separator);
			}
			grouped.append(whole.charAt(i));
		}
		return fraction.isEmpty() ? grouped.toString() : grouped + String.valueOf(mark.mark()) + fraction;
	}

	private static String written(LocalDate date, DateOrder order, String separator, boolean padded,
			boolean shortYear) {
		String day = padded ? "%02d".formatted(date.getDayOfMonth()) : String.valueOf(date.getDayOfMonth());
		String month = padded ? "%02d".formatted(date.getMonthValue()) : String.valueOf(date.getMonthValue());
		String year = shortYear ? "%02d".formatted(date.getYear() % 100) : String.valueOf(date.getYear());
		if (separator.equals("年")) {
			return year + "年" + month + "月" + day + "日";
		}
		return switch (order) {
			case YMD -> String.join(separator, year, month, day);
			case DMY -> String.join(separator, day, month, year);
			case MDY -> String.join(separator, month, day, year);
		};
	}
}
