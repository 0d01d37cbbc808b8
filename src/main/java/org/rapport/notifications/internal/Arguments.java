package org.rapport.notifications.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a notice's message arguments into one column and reads them back: each argument ends with a unit separator
 * (U+001F), which no argument holds, since typed text never contains control characters that survive here.
 */
final class Arguments {

	private static final char SEPARATOR = '\u001f';

	/** The longest an argument is kept, in characters; a longer one is cut with an ellipsis. */
	static final int MAX_LENGTH = 300;

	/** The most arguments a notice keeps, so that all of them fit the column. */
	static final int MAX_COUNT = 10;

	private Arguments() {
	}

	static String write(List<String> arguments) {
		if (arguments.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		for (String argument : arguments.subList(0, Math.min(arguments.size(), MAX_COUNT))) {
			String clean = argument == null ? "" : argument.replace(SEPARATOR, ' ');
			text.append(clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH - 1) + "\u2026" : clean)
				.append(SEPARATOR);
		}
		return text.toString();
	}

	static List<String> read(String text) {
		List<String> arguments = new ArrayList<>();
		if (text == null) {
			return arguments;
		}
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == SEPARATOR) {
				arguments.add(text.substring(start, i));
				start = i + 1;
			}
		}
		return arguments;
	}
}
