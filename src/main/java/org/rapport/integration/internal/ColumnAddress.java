package org.rapport.integration.internal;

import java.util.List;

/**
 * How a mapping names a column of the file: by its header, and where several columns share a header, by the header
 * and which of them it is, counted from 1: {@code Phone Number#2} is the second column headed {@code Phone Number}.
 * A bare header that several columns share names the first of them; a header written with {@code #n} in the file
 * itself is found as written first.
 */
public final class ColumnAddress {

	private ColumnAddress() {
	}

	/** The address of the column: its header, with {@code #n} after it from the second column of that header on. */
	public static String of(List<String> headers, int column) {
		int occurrence = occurrence(headers, column);
		return occurrence == 1 ? headers.get(column) : headers.get(column) + "#" + occurrence;
	}

	/** The index of the column the address names, or -1 when the file has none. */
	public static int find(List<String> headers, String address) {
		if (address == null) {
			return -1;
		}
		String wanted = address.strip();
		int exact = headers.indexOf(wanted);
		if (exact >= 0) {
			return exact;
		}
		int mark = wanted.lastIndexOf('#');
		if (mark <= 0 || mark == wanted.length() - 1) {
			return -1;
		}
		String number = wanted.substring(mark + 1);
		if (number.length() > 4 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return -1;
		}
		String header = wanted.substring(0, mark).strip();
		int occurrence = Integer.parseInt(number);
		for (int column = 0; column < headers.size() && occurrence > 0; column++) {
			if (headers.get(column).equals(header) && --occurrence == 0) {
				return column;
			}
		}
		return -1;
	}

	/** Which of the columns headed as this one it is, counted from 1. */
	public static int occurrence(List<String> headers, int column) {
		int occurrence = 1;
		for (int before = 0; before < column; before++) {
			if (headers.get(before).equals(headers.get(column))) {
				occurrence++;
			}
		}
		return occurrence;
	}

	/** Whether another column of the file has the same header. */
	public static boolean isRepeated(List<String> headers, int column) {
		String header = headers.get(column);
		for (int other = 0; other < headers.size(); other++) {
			if (other != column && headers.get(other).equals(header)) {
				return true;
			}
		}
		return false;
	}

	/** The column's letter as spreadsheets show it: A to Z, then AA, AB… */
	public static String letter(int column) {
		StringBuilder letters = new StringBuilder();
		for (int rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
			letters.insert(0, (char) ('A' + (rest - 1) % 26));
		}
		return letters.toString();
	}
}
