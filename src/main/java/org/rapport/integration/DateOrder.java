package org.rapport.integration;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order in which a column of a file writes the day, the month and the year of its dates: {@code 2005-11-09}
 * year first, {@code 09.11.2005} day first, {@code 11/9/2005} month first. Every date of an import is read by the
 * order of its column, detected from the column's cells or chosen by the user; a cell that does not read by it is
 * rejected, never turned into another date.
 * <p>
 * Whatever the order, a date written with a four-digit year first ({@code 2005-11-09}, {@code 2005/11/9},
 * {@code 2005年11月9日}) reads as year, month, day, as nobody writes the day before the month there. A two-digit year
 * at the end reads as spreadsheets read it: {@code 00} to {@code 29} in this century, {@code 30} to {@code 99} in
 * the last. A time after the date ({@code 2005-11-09T10:00:00.000Z}, {@code 2021-03-04 10:22},
 * {@code 11/9/2005 10:00 AM}) is allowed: the date is the one the time falls on in the importing user's zone when
 * the cell names an offset, and the date as written when it does not. The time keeps its fraction of a second, so that
 * a moment an export wrote ({@code 2026-03-31T09:15:02.123456Z}) reads as that moment.
 */
public enum DateOrder {

	/** Year, month, day: {@code 2005-11-09}, {@code 2005/11/9}, {@code 2005年11月9日}. */
	YMD,

	/** Day, month, year: {@code 09.11.2005}, {@code 9/11/2005}, {@code 09-11-2005}. */
	DMY,

	/** Month, day, year: {@code 11/9/2005}, {@code 11-09-2005}. */
	MDY;

	/** The last two-digit year read in this century; later ones are read in the last. */
	private static final int CENTURY_PIVOT = 29;

	private static final String TIME = "(?:(?:\\s*T\\s*|\\s+)(?<hour>\\d{1,2}):(?<minute>\\d{2})"
			+ "(?::(?<second>\\d{2})(?:[.,](?<fraction>\\d{1,9}))?)?\\s*(?<half>[AaPp]\\.?\\s?[Mm]\\.?)?"
			+ "\\s*(?<offset>Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?";

	/** Three numbers with one separator twice, or the Chinese year, month and day; then perhaps a time. */
	private static final Pattern WRITTEN = Pattern.compile("(?:(?<a>\\d{1,4})\\s*(?<sep>[-/.])\\s*(?<b>\\d{1,2})"
			+ "\\s*\\k<sep>\\s*(?<c>\\d{1,4})|(?<y>\\d{4})\\s*年\\s*(?<m>\\d{1,2})\\s*月\\s*(?<d>\\d{1,2})\\s*日)"
			+ TIME);

	/** What a cell writes, read by a column's order: its date, and its time and offset if it has them. */
	public record Written(LocalDate date, LocalTime time, ZoneOffset offset) {

		/** The date the cell names as seen in the zone given: the day its time falls on there if it has an offset. */
		public LocalDate dateIn(ZoneId zone) {
			if (offset == null || time == null) {
				return date;
			}
			return OffsetDateTime.of(date, time, offset).atZoneSameInstant(zone).toLocalDate();
		}

		/**
		 * The moment the cell names: its time at its offset; without an offset, its time in the zone given; without a
		 * time, the start of its date there.
		 */
		public Instant instantIn(ZoneId zone) {
			LocalDateTime local = date.atTime(time == null ? LocalTime.MIDNIGHT : time);
			return offset == null ? local.atZone(zone).toInstant() : local.toInstant(offset);
		}

		/** The date and time in ISO form, with the offset if the cell names one; midnight when it has no time. */
		public String isoDateTime() {
			LocalDateTime local = date.atTime(time == null ? LocalTime.MIDNIGHT : time);
			return offset == null ? local.toString() : OffsetDateTime.of(local, offset).toString();
		}
	}

	/**
	 * The date a cell holds by this order, as the importing user sees it in their zone; null when the cell holds
	 * none by it.
	 */
	public LocalDate read(String text, ZoneId zone) {
		Written written = written(text);
		return written == null ? null : written.dateIn(zone);
	}

	/** What a cell writes by this order, or null when it is no date by it ({@code 13/25/2005} month first). */
	public Written written(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = WRITTEN.matcher(text.strip());
		if (!m.matches()) {
			return null;
		}
		try {
			LocalDate date = date(m);
			if (date == null) {
				return null;
			}
			LocalTime time = null;
			if (m.group("hour") != null) {
				int hour = Integer.parseInt(m.group("hour"));
				if (m.group("half") != null) {
					boolean afternoon = Character.toLowerCase(m.group("half").charAt(0)) == 'p';
					if (hour < 1 || hour > 12) {
						return null;
					}
					hour = hour % 12 + (afternoon ? 12 : 0);
				}
				String fraction = m.group("fraction");
				time = LocalTime.of(hour, Integer.parseInt(m.group("minute")),
						m.group("second") == null ? 0 : Integer.parseInt(m.group("second")),
						fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9)));
			}
			return new Written(date, time, offset(m.group("offset")));
		}
		catch (DateTimeException | NumberFormatException e) {
			return null;
		}
	}

	private LocalDate date(Matcher m) {
		if (m.group("y") != null) {
			return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
					Integer.parseInt(m.group("d")));
		}
		String a = m.group("a");
		String b = m.group("b");
		String c = m.group("c");
		if (a.length() == 4) {
			return c.length() > 2 ? null
					: LocalDate.of(Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c));
		}
		if (this == YMD || a.length() > 2 || (c.length() != 2 && c.length() != 4)) {
			return null;
		}
		int year = Integer.parseInt(c);
		if (c.length() == 2) {
			year += year <= CENTURY_PIVOT ? 2000 : 1900;
		}
		int first = Integer.parseInt(a);
		int second = Integer.parseInt(b);
		return this == DMY ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second);
	}

	private static ZoneOffset offset(String text) {
		if (text == null) {
			return null;
		}
		String upper = text.toUpperCase(Locale.ROOT);
		if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
			return ZoneOffset.UTC;
		}
		String digits = upper.replace(":", "");
		int hours = Integer.parseInt(digits.substring(1, 3));
		int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3)) : 0;
		int sign = digits.charAt(0) == '-' ? -1 : 1;
		return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
	}

	/**
	 * The order assumed for a column whose cells do not tell: day first in a file that writes numbers with a
	 * decimal comma, as the countries that do write dates day first, else month first.
	 */
	public static DateOrder assumedFor(DecimalMark mark) {
		return mark == DecimalMark.COMMA ? DMY : MDY;
	}

	/**
	 * The message key that says a cell is no date written in this order, naming the cell: a date that reads in no
	 * order or contradicts this one ({@code 13/25/2005} month first); or, for a cell that is not written as a date at
	 * all ({@code tomorrow}), the key that says so with an example.
	 */
	public String problem(String cell) {
		return cell != null && WRITTEN.matcher(cell.strip()).matches() ? "import.error.date." + name()
				: "import.error.date";
	}

	/**
	 * What a column's cells tell about the order of their dates.
	 *
	 * @param order the order they are read by
	 * @param assumed whether no cell told, and the order is the one assumed for the file's decimal mark
	 * @param example a cell that told the order, or null
	 */
	public record Detection(DateOrder order, boolean assumed, String example) {
	}

	/**
	 * The order of the dates in a column, judged by all of its cells: a first number above 12 means day first, a
	 * second one above 12 month first, and the order more cells tell wins; where none is above 12, dots mean day
	 * first; a column of four-digit years first is year first. When no cell tells the day from the month, the order
	 * is assumed for the file's decimal mark. Null when
	 * the column does not hold dates: most of its filled cells are no dates in any order.
	 */
	public static Detection detect(Iterable<String> cells, DecimalMark mark) {
		int filled = 0;
		int dates = 0;
		int yearFirst = 0;
		int dayFirst = 0;
		int monthFirst = 0;
		int dotted = 0;
		String yearExample = null;
		String dottedExample = null;
		String dayExample = null;
		String monthExample = null;
		for (String cell : cells) {
			if (cell == null || cell.isBlank()) {
				continue;
			}
			filled++;
			String text = cell.strip();
			Matcher m = WRITTEN.matcher(text);
			if (!m.matches() || (DMY.written(text) == null && MDY.written(text) == null)) {
				continue;
			}
			dates++;
			if (m.group("y") != null || m.group("a").length() == 4) {
				yearFirst++;
				yearExample = yearExample == null ? text : yearExample;
			}
			else if (Integer.parseInt(m.group("a")) > 12) {
				dayFirst++;
				dayExample = dayExample == null ? text : dayExample;
			}
			else if (Integer.parseInt(m.group("b")) > 12) {
				monthFirst++;
				monthExample = monthExample == null ? text : monthExample;
			}
			else if (".".equals(m.group("sep"))) {
				dotted++;
				dottedExample = dottedExample == null ? text : dottedExample;
			}
		}
		if (dates == 0 || dates * 2 < filled) {
			return null;
		}
		if (dayFirst > 0 || monthFirst > 0) {
			return dayFirst >= monthFirst ? new Detection(DMY, false, dayExample)
					: new Detection(MDY, false, monthExample);
		}
		if (dotted > 0) {
			return new Detection(DMY, false, dottedExample);
		}
		if (yearFirst == dates) {
			return new Detection(YMD, false, yearExample);
		}
		return new Detection(assumedFor(mark), true, null);
	}
}
