package org.rapport.identity;

import java.util.Locale;

/**
 * Keeps what a user chose for themselves, such as the language of the UI.
 */
public interface UserPreferences {

	/** Remembers the user's language for the next sign-in. */
	void preferLocale(UserId user, Locale locale);
}
