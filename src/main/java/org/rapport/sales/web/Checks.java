package org.rapport.sales.web;

/**
 * The patterns that sales inputs are checked against (phone numbers as for contacts), and blank form values
 * read as absent.
 */
final class Checks {

	/** Digits with the separators people write in phone numbers, optionally starting with {@code +}. */
	static final String PHONE = "^$|^\\+?[0-9 ()./-]{3,40}$";

	private Checks() {
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
