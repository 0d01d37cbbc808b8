package org.rapport.sales.web;

/**
 * The patterns that lead inputs are checked against, the same as for contacts.
 */
final class LeadChecks {

	/** Digits with the separators people write in phone numbers, optionally starting with {@code +}. */
	static final String PHONE = "^$|^\\+?[0-9 ()./-]{3,40}$";

	private LeadChecks() {
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
