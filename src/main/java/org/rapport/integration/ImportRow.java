package org.rapport.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file row read into the values it will be stored with, keyed by column; the reasons (per column, or {@code ""}
 * for the row) it cannot be stored, if any; the notices of values it is stored without (an optional choice that
 * is not one of ours), per column; and its amount cells written with a currency's symbol or code, per column, which
 * settle the row's currency ({@link ImportCells#settleCurrency}).
 */
public record ImportRow(long line, List<String> cells, Map<String, Object> values, Map<String, String> errors,
		Map<String, String> notices, Map<String, CurrencySymbols.Written> writtenCurrencies) {

	public ImportRow(long line, List<String> cells) {
		this(line, cells, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
	}

	public boolean isValid() {
		return errors.isEmpty();
	}

	/** The value of a column as text, or null. */
	public String text(String column) {
		Object value = values.get(column);
		return value == null ? null : value.toString();
	}

	/** Refuses the row for the reason given, kept under the column it concerns ({@code ""} for the whole row). */
	public void reject(String column, String reason) {
		errors.merge(column, reason, (a, b) -> a + "; " + b);
	}

	/** All reasons on one line, for the rejected-rows list. */
	public String reasons() {
		return String.join("; ", errors.values());
	}

	/** Notes that the row is stored without the column's value, and why. */
	public void notice(String column, String notice) {
		values.remove(column);
		notices.merge(column, notice, (a, b) -> a + "; " + b);
	}

	/** Whether the row is stored without a value it has in the file. */
	public boolean hasNotices() {
		return !notices.isEmpty();
	}

	/** All notices on one line, for the notices list. */
	public String noticeText() {
		return String.join("; ", notices.values());
	}
}
