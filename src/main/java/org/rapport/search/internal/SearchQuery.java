package org.rapport.search.internal;

import java.util.UUID;
import org.rapport.search.SearchableKind;

/**
 * What a user searches for: the typed text, optionally one kind of record and one owner, and which page.
 */
public record SearchQuery(String text, SearchableKind kind, UUID owner, int page, int size) {

	/** Longest text looked at; the rest is ignored. */
	public static final int MAX_LENGTH = 200;

	public SearchQuery {
		text = text == null ? "" : text.strip();
		if (text.length() > MAX_LENGTH) {
			text = text.substring(0, MAX_LENGTH);
		}
		size = Math.max(1, size);
		page = Math.max(0, Math.min(page, Integer.MAX_VALUE / size - 1));
	}

	public boolean isBlank() {
		return text.isBlank();
	}
}
