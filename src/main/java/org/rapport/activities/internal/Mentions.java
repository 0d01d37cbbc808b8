package org.rapport.activities.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The users a note mentions: {@code @} and a user name, as in "ask @maria", not inside an e-mail address such as
 * {@code ann@example.com}. Read from the note's text, tags and entities left out.
 */
public final class Mentions {

	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49})");

	private Mentions() {
	}

	/** The user names mentioned, lower-case, in the order they first appear; trailing dots are not part of a name. */
	public static Set<String> in(String html) {
		Set<String> names = new LinkedHashSet<>();
		if (html == null || html.isBlank()) {
			return names;
		}
		String text = NoteHtml.toText(html);
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(1).replaceAll("[._-]+$", "");
			if (!name.isEmpty()) {
				names.add(name.toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}
}
