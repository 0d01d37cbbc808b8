package org.rapport.sales.web;

/**
 * Blank form values read as absent.
 */
public final class Checks {


	private Checks() {
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
