package org.rapport.customers.web;

/**
 * Blank form values read as absent.
 */
final class Checks {



	private Checks() {
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
