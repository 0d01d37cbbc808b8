package org.rapport.web.internal;

import java.util.List;
import java.util.Locale;

/**
 * The languages the UI speaks.
 */
public final class SupportedLocales {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final List<Locale> ALL = List.of(Locale.ENGLISH, CHINESE);

	private SupportedLocales() {
	}

	/** The supported locale closest to the one asked for; English when none is close. */
	static Locale pick(String tag) {
		if (tag == null) {
			return Locale.ENGLISH;
		}
		return pick(Locale.forLanguageTag(tag.replace('_', '-')));
	}

	/** The supported locale closest to the one asked for; English when none is close. */
	public static Locale pick(Locale locale) {
		if (locale != null && "zh".equals(locale.getLanguage())) {
			return CHINESE;
		}
		return Locale.ENGLISH;
	}
}
