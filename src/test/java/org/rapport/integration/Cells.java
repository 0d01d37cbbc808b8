package org.rapport.integration;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Cell readers for unit tests of import kinds, with the application's message bundles. */
public final class Cells {

	private Cells() {
	}

	/** Reads cells as a file with decimal points, speaking the language given. */
	public static ImportCells in(Locale locale) {
		return in(locale, DecimalMark.POINT, ValueMap.NONE);
	}

	/** Reads cells as a file with the decimal mark and the value map given, speaking the language given. */
	public static ImportCells in(Locale locale, DecimalMark mark, ValueMap values) {
		return new ImportCells(messages(), locale, mark, values);
	}

	/**
	 * Reads cells as a file with the decimal mark given whose amounts that name no currency are in the currency given,
	 * speaking the language given.
	 */
	public static ImportCells in(Locale locale, DecimalMark mark, String currency) {
		return new ImportCells(messages(), locale, mark, java.time.ZoneOffset.UTC, java.util.Map.of(), ValueMap.NONE,
				currency);
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/sales-pipeline", "i18n/sales-leads", "i18n/sales-commerce",
				"i18n/customization", "i18n/search", "i18n/integration", "i18n/duplicates");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

	/** The row after reading one cell into the column of that key. */
	public static ImportRow read(ImportCells cells, java.util.List<ImportColumn> columns, String key, String cell) {
		ImportRow row = new ImportRow(2, java.util.List.of(cell));
		cells.read(columns.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow(), cell, row);
		return row;
	}
}
