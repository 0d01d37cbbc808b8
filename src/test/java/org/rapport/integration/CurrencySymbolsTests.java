package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How an amount cell's currency is read: every supported way of writing an amount with its currency — a symbol or a
 * code, before or after the number, with or without spaces, by either decimal mark — reads back the same amount and
 * the currency the symbol stands for, over many amounts drawn with a fixed seed; a symbol Rapport does not know is
 * named, never dropped; and the currency of a file's amounts is told by the symbol most of them are written with.
 */
class CurrencySymbolsTests {

	static final int VALUES = 200;

	static final long SEED = 20260331L;

	/** How an amount is written with its currency ({@code %s} is the number), and the currency that is likely. */
	static Stream<Arguments> writings() {
		String[][] writings = { { "$%s", "USD" }, { "$ %s", "USD" }, { "US$%s", "USD" }, { "US$ %s", "USD" },
				{ "USD %s", "USD" }, { "%s USD", "USD" }, { "USD $%s", "USD" }, { "$%s USD", "USD" }, { "%s美元", "USD" },
				{ "€%s", "EUR" }, { "%s €", "EUR" }, { "%s\u00a0€", "EUR" }, { "%s EUR", "EUR" }, { "eur %s", "EUR" },
				{ "£%s", "GBP" }, { "%s GBP", "GBP" }, { "¥%s", "CNY" }, { "￥%s", "CNY" }, { "¥ %s", "CNY" },
				{ "%s元", "CNY" }, { "%s 元", "CNY" }, { "RMB %s", "CNY" }, { "RMB%s", "CNY" }, { "CN¥%s", "CNY" },
				{ "人民币%s", "CNY" }, { "JP¥%s", "JPY" }, { "%s円", "JPY" }, { "₹%s", "INR" }, { "₩%s", "KRW" },
				{ "CHF %s", "CHF" }, { "%s CHF", "CHF" }, { "Fr. %s", "CHF" }, { "R$ %s", "BRL" }, { "R$%s", "BRL" },
				{ "A$%s", "AUD" }, { "AU$%s", "AUD" }, { "C$%s", "CAD" }, { "CA$%s", "CAD" }, { "HK$%s", "HKD" },
				{ "S$%s", "SGD" }, { "NZ$%s", "NZD" }, { "%s kr", "SEK" }, { "%s zł", "PLN" }, { "%s Kč", "CZK" },
				{ "₽%s", "RUB" }, { "₺%s", "TRY" }, { "₪%s", "ILS" }, { "฿%s", "THB" }, { "%s₫", "VND" },
				{ "₱%s", "PHP" }, { "Rp %s", "IDR" }, { "RM %s", "MYR" }, { "R %s", "ZAR" }, { "JPY %s", "JPY" },
				{ "%s SEK", "SEK" } };
		List<Arguments> arguments = new ArrayList<>();
		for (DecimalMark mark : DecimalMark.values()) {
			for (String[] writing : writings) {
				arguments.add(Arguments.of(mark, writing[0], writing[1]));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0}: [{1}] in {2}")
	@MethodSource("writings")
	void everySupportedWayOfWritingAnAmountReadsBackTheSameAmountAndCurrency(DecimalMark mark, String writing,
			String currency) {
		Random random = new Random(SEED + writing.hashCode() + mark.ordinal());
		List<String> cells = new ArrayList<>();
		for (int i = 0; i < VALUES; i++) {
			BigDecimal value = amount(random);
			String cell = writing.formatted(written(value, mark, random.nextBoolean()));
			cells.add(cell);
			CurrencySymbols.Written read = mark.written(cell);
			assertThat(read).as(cell).isNotNull();
			assertThat(read.amount()).as(cell).isEqualByComparingTo(value);
			assertThat(read.namesCurrency()).as(cell).isTrue();
			assertThat(read.currencies()).as(cell).startsWith(currency);
			// the mark reads the same number, the currency aside, as the detection of the mark reads it
			assertThat(mark.read(cell)).as(cell).isEqualByComparingTo(value);
		}
		CurrencySymbols.Detection detected = CurrencySymbols.detect(cells, "XXX");
		assertThat(detected.currency()).isEqualTo(currency);
		assertThat(detected.assumed()).isFalse();
		assertThat(detected.evidence()).hasSize(1);
		assertThat(detected.evidence().get(0).cells()).isEqualTo(VALUES);
	}

	@Test
	void aSymbolOfSeveralCurrenciesListsTheLikelyOneFirstAndTheOthers() {
		assertThat(CurrencySymbols.currencies("$")).containsExactly("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN",
				"TWD");
		assertThat(CurrencySymbols.currencies("¥")).containsExactly("CNY", "JPY");
		assertThat(CurrencySymbols.currencies("kr")).startsWith("SEK").contains("NOK", "DKK");
		assertThat(CurrencySymbols.currencies("usd")).containsExactly("USD");
		assertThat(CurrencySymbols.currencies("QQQ")).isEmpty();
		assertThat(CurrencySymbols.currencies("₿")).isEmpty();
		CurrencySymbols.Written dollars = DecimalMark.POINT.written("$1,200");
		assertThat(dollars.currency("CAD")).isEqualTo("CAD");
		assertThat(dollars.currency("EUR")).isEqualTo("USD");
		assertThat(dollars.currency(null)).isEqualTo("USD");
	}

	@Test
	void aSymbolRapportDoesNotKnowIsNamedWithItsReasonAndItsNumberStillRead() {
		CurrencySymbols.Written bitcoin = DecimalMark.POINT.written("₿1.5");
		assertThat(bitcoin.amount()).isEqualByComparingTo("1.5");
		assertThat(bitcoin.symbol()).isEqualTo("₿");
		assertThat(bitcoin.namesCurrency()).isFalse();
		assertThat(bitcoin.problem()).isEqualTo("import.error.currencySymbol");
		CurrencySymbols.Written two = DecimalMark.POINT.written("€100 USD");
		assertThat(two.namesCurrency()).isFalse();
		assertThat(two.problem()).isEqualTo("import.error.currencyMixed");
		// a word beside a number, or a code of no currency, makes no amount at all
		assertThat(DecimalMark.POINT.written("about 100")).isNull();
		assertThat(DecimalMark.POINT.written("QQQ 100")).isNull();
		assertThat(DecimalMark.POINT.written("100 USD/year")).isNull();
		assertThat(DecimalMark.POINT.written("$")).isNull();
		// a plain number names no currency
		CurrencySymbols.Written plain = DecimalMark.COMMA.written(" 1.200,50 ");
		assertThat(plain.amount()).isEqualByComparingTo("1200.50");
		assertThat(plain.symbol()).isNull();
		assertThat(plain.namesCurrency()).isFalse();
	}

	@Test
	void theCurrencyOfAFilesAmountsIsTheOneOfTheSymbolMostOfThemAreWrittenWith() {
		List<String> cells = new ArrayList<>(Collections.nCopies(37, "$1,200"));
		cells.addAll(List.of("C$500", "C$700", "", "980", "₿2"));
		CurrencySymbols.Detection detected = CurrencySymbols.detect(cells, "EUR");
		assertThat(detected.currency()).isEqualTo("USD");
		assertThat(detected.assumed()).isFalse();
		assertThat(detected.evidence()).containsExactly(
				new CurrencySymbols.Evidence("$", CurrencySymbols.currencies("$"), 37, "$1,200"),
				new CurrencySymbols.Evidence("C$", List.of("CAD"), 2, "C$500"),
				new CurrencySymbols.Evidence("₿", List.of(), 1, "₿2"));
		assertThat(detected.evidence().get(0).others("USD")).containsExactly("CAD", "AUD", "NZD", "SGD", "HKD", "MXN",
				"TWD");
	}

	@Test
	void aFileWhoseAmountsNameNoCurrencyTakesTheInstallationsAssumed() {
		CurrencySymbols.Detection detected = CurrencySymbols.detect(List.of("1,200", "980.50", ""), "GBP");
		assertThat(detected).isEqualTo(new CurrencySymbols.Detection("GBP", true, List.of()));
		// only symbols that name no currency Rapport knows tell nothing either
		assertThat(CurrencySymbols.detect(List.of("₿2"), "GBP").currency()).isEqualTo("GBP");
		assertThat(CurrencySymbols.detect(List.of("₿2"), "GBP").assumed()).isTrue();
	}

	/** A non-negative amount up to a trillion, with up to four digits after the mark. */
	private static BigDecimal amount(Random random) {
		int digits = 1 + random.nextInt(13);
		BigInteger whole = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
		int scale = random.nextInt(5);
		BigInteger fraction = BigInteger.valueOf(random.nextInt((int) Math.pow(10, scale)));
		return new BigDecimal(whole).add(new BigDecimal(fraction, scale)).setScale(scale);
	}

	/** The amount as the mark writes it, its thousands grouped by the mark's grouping character or not at all. */
	private static String written(BigDecimal value, DecimalMark mark, boolean grouped) {
		String plain = value.toPlainString();
		int point = plain.indexOf('.');
		String whole = point < 0 ? plain : plain.substring(0, point);
		String fraction = point < 0 ? "" : plain.substring(point + 1);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < whole.length(); i++) {
			if (grouped && i > 0 && (whole.length() - i) % 3 == 0) {
				out.append(mark == DecimalMark.POINT ? ',' : '.');
			}
			out.append(whole.charAt(i));
		}
		return fraction.isEmpty() ? out.toString() : out + String.valueOf(mark.mark()) + fraction;
	}
}
