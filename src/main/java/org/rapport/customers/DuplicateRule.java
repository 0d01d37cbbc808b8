package org.rapport.customers;

import java.util.Locale;

/**
 * Which key a duplicates list groups by.
 */
public enum DuplicateRule {
	/** the normalised name (of the company; of the person at the same account) */
	NAME,
	/** the website's domain; accounts only */
	DOMAIN,
	/** the e-mail address; contacts and leads */
	EMAIL;

	/** The rule named in a URL, or the given default. */
	public static DuplicateRule parse(String value, DuplicateRule fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return fallback;
		}
	}

	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}
}
