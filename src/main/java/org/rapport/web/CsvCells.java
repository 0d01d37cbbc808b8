package org.rapport.web;

import java.util.regex.Pattern;

/**
 * Keeps spreadsheet programs from running what somebody typed as a formula (CSV injection): a text cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a single quote in
 * front, as OWASP recommends. Numbers stay numbers, also a plain negative one such as {@code -12.50}. The imports
 * take the quote away again, so that an export reads back as it was.
 */
public final class CsvCells {

	private static final Pattern PLAIN_NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

	private CsvCells() {
	}

	/** The value as a CSV cell that no spreadsheet takes for a formula. */
	public static Object neutral(Object value) {
		if (value == null || value instanceof Number) {
			return value;
		}
		String text = value.toString();
		return startsLikeAFormula(text) && !PLAIN_NEGATIVE_NUMBER.matcher(text).matches() ? "'" + text : value;
	}

	/** A cell as read from a file, without the quote that {@link #neutral} put in front of it. */
	public static String restored(String cell) {
		return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeAFormula(cell.substring(1))
				? cell.substring(1) : cell;
	}

	private static boolean startsLikeAFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}
}
