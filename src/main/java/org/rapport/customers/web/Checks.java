package org.rapport.customers.web;

/**
 * The patterns that customer inputs are checked against.
 */
final class Checks {

	/** A web address with or without its scheme: {@code example.com}, {@code https://example.com/about}. */
	static final String WEBSITE = "^$|^(https?://)?[\\p{L}0-9-]+(\\.[\\p{L}0-9-]+)+(:\\d+)?(/\\S*)?$";

	/** Digits with the separators people write in phone numbers, optionally starting with {@code +}. */
	static final String PHONE = "^$|^\\+?[0-9 ()./-]{3,40}$";

	private Checks() {
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
