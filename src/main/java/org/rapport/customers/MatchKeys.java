package org.rapport.customers;

import java.net.URI;
import java.util.Arrays;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised keys that duplicate detection compares: stored in indexed columns beside the values they come
 * from, so that a look-up and the duplicates list never scan a table. Every key is {@code null} for a value that
 * has nothing left to compare.
 */
public final class MatchKeys {

	/** Longest key stored; the columns are as wide as the values they come from. */
	public static final int MAX_LENGTH = 200;

	/** Legal forms that say nothing about which company it is, compared after punctuation is gone. */
	private static final List<String> LEGAL_SUFFIXES = List.of("incorporated", "inc", "corporation", "corp",
			"company", "co", "limited", "ltd", "llc", "llp", "lp", "plc", "gmbh", "mbh", "ag", "kg", "sa", "sas",
			"sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "pty", "pte", "kk", "se", "sl");

	private static final List<String> CJK_SUFFIXES = List.of("股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司",
			"株式会社");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private MatchKeys() {
	}

	/**
	 * A company name without case, accents, punctuation, spacing and trailing legal forms: "ACME, Inc." and
	 * "Acme Inc" and "acme" give "acme"; "上海某某有限公司" gives "上海某某".
	 */
	public static String companyName(String name) {
		if (name == null) {
			return null;
		}
		String text = Normalizer.normalize(name.strip(), Normalizer.Form.NFKD);
		text = MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
		String[] words = NOT_WORD.split(text);
		int end = words.length;
		// trailing legal forms go, one after another ("Acme GmbH & Co. KG"), but never the name's only word
		while (end > 1) {
			if (words[end - 1].isEmpty() || LEGAL_SUFFIXES.contains(words[end - 1])) {
				end--;
				continue;
			}
			int start = end;
			while (start > 1 && words[start - 1].length() == 1) {
				start--;
			}
			// "S.A." and "B.V." come apart into single letters, a legal form only where they spell one together
			if (start < end - 1 && LEGAL_SUFFIXES.contains(String.join("", Arrays.copyOfRange(words, start, end)))) {
				end = start;
				continue;
			}
			break;
		}
		StringBuilder key = new StringBuilder();
		for (int i = 0; i < end; i++) {
			key.append(words[i]);
		}
		String joined = key.toString();
		for (String suffix : CJK_SUFFIXES) {
			if (joined.endsWith(suffix)) {
				// the longest form that fits goes, unless it is the whole name
				if (joined.length() > suffix.length()) {
					joined = joined.substring(0, joined.length() - suffix.length());
				}
				break;
			}
		}
		return limited(joined);
	}

	/**
	 * The host of a web address without scheme, {@code www.}, port, path or case: "https://WWW.Acme.com/about"
	 * gives "acme.com".
	 */
	public static String domain(String website) {
		if (website == null || website.isBlank()) {
			return null;
		}
		String text = website.strip().toLowerCase(Locale.ROOT);
		if (!text.contains("://")) {
			text = "http://" + text;
		}
		String host;
		try {
			host = URI.create(text.replace(" ", "")).getHost();
		}
		catch (IllegalArgumentException unparsable) {
			host = null;
		}
		if (host == null) {
			// not a URI: take what stands before the first slash, colon, question mark or hash
			host = text.substring(text.indexOf("://") + 3).split("[/:?#]", 2)[0];
		}
		while (host.startsWith("www.")) {
			host = host.substring(4);
		}
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		return limited(host);
	}

	/** An e-mail address without surrounding space or case. */
	public static String email(String email) {
		if (email == null) {
			return null;
		}
		return limited(email.strip().toLowerCase(Locale.ROOT));
	}

	/** A person's first and last name without case, accents, punctuation or spacing; "Ana-María López" gives "anamarialopez". */
	public static String person(String firstName, String lastName) {
		String last = word(lastName);
		if (last == null) {
			return null;
		}
		String first = word(firstName);
		// a separator keeps "Ann Lee" apart from "Annl Ee"
		return limited((first == null ? "" : first) + "|" + last);
	}

	private static String word(String value) {
		if (value == null) {
			return null;
		}
		String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFKD);
		text = NOT_WORD.matcher(MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll("");
		return text.isEmpty() ? null : text;
	}

	private static String limited(String key) {
		if (key == null || key.isEmpty()) {
			return null;
		}
		return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
	}
}
