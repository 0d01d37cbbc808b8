package org.rapport.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How a row's currency is settled once its cells are read: an amount is never stored in another currency than the
 * one it is written in. A row's currency column and the symbols of its amounts must agree; a symbol alone names the
 * row's currency, the import's when it may stand for it; and a row that names none takes the import's.
 */
class ImportCellsCurrencyTests {

	private static final ImportColumn AMOUNT = ImportColumn.required("amount", ImportColumn.Type.AMOUNT, "Amount");

	private static final ImportColumn PRICE = ImportColumn.of("unitPrice", ImportColumn.Type.AMOUNT, "Unit Price");

	private static final ImportColumn CURRENCY = ImportColumn.of("currency", ImportColumn.Type.CURRENCY, "Currency");

	private static final ImportColumn QUANTITY = ImportColumn.required("quantity", ImportColumn.Type.QUANTITY,
			"Quantity");

	private static final List<ImportColumn> COLUMNS = List.of(AMOUNT, PRICE, CURRENCY, QUANTITY);

	@Test
	void aDollarAmountInAnImportOfCanadianDollarsStaysInCanadianDollars() {
		ImportCells canadian = Cells.in(Locale.ENGLISH, DecimalMark.POINT, "CAD");
		assertThat(settled(canadian, "$1,200", null).values()).containsEntry("amount", new BigDecimal("1200"))
			.containsEntry("currency", "CAD");
		// a sign that names its country names it
		assertThat(settled(canadian, "US$1,200", null).values()).containsEntry("currency", "USD");
		// in an import of euros, the dollar sign is the US dollar's
		assertThat(settled(Cells.in(Locale.ENGLISH, DecimalMark.POINT, "EUR"), "$1,200", null).values())
			.containsEntry("currency", "USD");
		assertThat(settled(Cells.in(Locale.ENGLISH, DecimalMark.POINT, "JPY"), "¥1,200", null).values())
			.containsEntry("currency", "JPY");
		assertThat(settled(Cells.in(Locale.ENGLISH, DecimalMark.POINT, "EUR"), "¥1,200", null).values())
			.containsEntry("currency", "CNY");
	}

	@Test
	void anAmountWhoseSymbolContradictsTheRowsCurrencyIsRejectedNamingBothInEitherLanguage() {
		ImportRow row = settled(Cells.in(Locale.ENGLISH, DecimalMark.POINT, "EUR"), "$1,200", "EUR");
		assertThat(row.errors()).containsEntry("amount",
				"Amount: $1,200 is written in USD, but the row's currency is EUR");
		ImportRow chinese = settled(Cells.in(Locale.SIMPLIFIED_CHINESE, DecimalMark.POINT, "USD"), "1200元", "USD");
		assertThat(chinese.errors()).containsEntry("amount", "金额：1200元 以 CNY 书写，但该行的币种是 USD");
		// a symbol that may stand for the row's currency agrees with it
		assertThat(settled(Cells.in(Locale.ENGLISH, DecimalMark.POINT, "EUR"), "$1,200", "CAD").errors()).isEmpty();
		assertThat(settled(Cells.in(Locale.ENGLISH, DecimalMark.COMMA, "EUR"), "1.200,00 €", "EUR").values())
			.containsEntry("amount", new BigDecimal("1200.00"))
			.containsEntry("currency", "EUR");
	}

	@Test
	void aRowThatNamesNoCurrencyTakesTheImportsAndOneWithoutAmountKeepsItsRecords() {
		ImportCells pounds = Cells.in(Locale.ENGLISH, DecimalMark.POINT, "GBP");
		assertThat(settled(pounds, "1,200", null).values()).containsEntry("currency", "GBP");
		// the kind of record (an order) finds the currency otherwise
		ImportRow order = read(pounds, new String[] { "unitPrice", "1,200" });
		pounds.settleCurrency(COLUMNS, order, false);
		assertThat(order.values()).doesNotContainKey("currency");
		// without an amount, nothing names a currency: an update keeps the record's
		ImportRow noAmount = read(pounds, new String[] { "quantity", "3" });
		pounds.settleCurrency(COLUMNS, noAmount, true);
		assertThat(noAmount.values()).doesNotContainKey("currency");
		assertThat(pounds.currency()).isEqualTo("GBP");
		// an order whose unit price is written in dollars is in dollars
		ImportRow dollars = read(pounds, new String[] { "unitPrice", "$5" });
		pounds.settleCurrency(COLUMNS, dollars, false);
		assertThat(dollars.values()).containsEntry("currency", "USD");
	}

	@Test
	void twoAmountsOfARowWrittenInDifferentCurrenciesAreRejected() {
		ImportCells cells = Cells.in(Locale.ENGLISH, DecimalMark.POINT, "EUR");
		ImportRow row = read(cells, new String[] { "amount", "$100" }, new String[] { "unitPrice", "€5" });
		cells.settleCurrency(COLUMNS, row, true);
		assertThat(row.errors()).containsEntry("unitPrice",
				"Unit price: €5 is written in EUR, but Amount is written in USD ($100)");
		assertThat(row.values()).doesNotContainKey("currency");
		// $ and US$ agree on the US dollar, even in an import of Canadian dollars
		ImportCells canadian = Cells.in(Locale.ENGLISH, DecimalMark.POINT, "CAD");
		ImportRow agreeing = read(canadian, new String[] { "amount", "$100" }, new String[] { "unitPrice", "US$5" });
		canadian.settleCurrency(COLUMNS, agreeing, true);
		assertThat(agreeing.errors()).isEmpty();
		assertThat(agreeing.values()).containsEntry("currency", "USD");
	}

	@Test
	void aSymbolThatNamesNoCurrencyAndAQuantityWithACurrencyAreRejectedNamingTheCell() {
		ImportCells cells = Cells.in(Locale.ENGLISH, DecimalMark.POINT, "EUR");
		assertThat(read(cells, new String[] { "amount", "₿1.5" }).errors()).containsEntry("amount",
				"Amount: ₿1.5 is written with ₿, which names no currency Rapport knows; write the currency's ISO "
						+ "code (such as USD) instead");
		assertThat(read(cells, new String[] { "amount", "€100 USD" }).errors()).containsEntry("amount",
				"Amount: €100 USD is written with € USD, which name different currencies");
		assertThat(read(cells, new String[] { "quantity", "$3" }).errors()).containsEntry("quantity",
				"Quantity: $3 is not a number with a decimal point, as this file writes numbers (such as 1,234.50)");
		assertThat(read(cells, new String[] { "quantity", "3" }).values()).containsEntry("quantity",
				new BigDecimal("3"));
		assertThat(cells.number("CHF 30")).isNull();
		assertThat(cells.number("30")).isEqualByComparingTo("30");
	}

	/** A row with an amount cell and perhaps a currency cell, read and settled as an import of one record each. */
	private static ImportRow settled(ImportCells cells, String amount, String currency) {
		ImportRow row = currency == null ? read(cells, new String[] { "amount", amount })
				: read(cells, new String[] { "amount", amount }, new String[] { "currency", currency });
		cells.settleCurrency(COLUMNS, row, true);
		return row;
	}

	/** A row read from cells, each given as the key of its column and its text. */
	private static ImportRow read(ImportCells cells, String[]... keyAndCell) {
		List<String> texts = new ArrayList<>();
		for (String[] cell : keyAndCell) {
			texts.add(cell[1]);
		}
		ImportRow row = new ImportRow(2, texts);
		for (String[] cell : keyAndCell) {
			ImportColumn column = COLUMNS.stream().filter(c -> c.key().equals(cell[0])).findFirst().orElseThrow();
			cells.read(column, cell[1], row);
		}
		return row;
	}
}
