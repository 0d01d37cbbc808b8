package org.rapport.activities.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.rapport.shared.InvalidField;

/**
 * Where a timeline page ends: the time and id of its last entry, the next page starting just before. Written
 * {@code <instant>~<id>} in links and the API.
 */
public record TimelineCursor(Instant at, UUID id) {

	/** Reads a cursor a page gave; a blank one is the first page, a malformed one is refused at {@code before}. */
	public static TimelineCursor parse(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		int tilde = text.indexOf('~');
		try {
			if (tilde > 0) {
				return new TimelineCursor(Instant.parse(text.substring(0, tilde)), UUID.fromString(text.substring(tilde + 1)));
			}
		}
		catch (DateTimeParseException | IllegalArgumentException malformed) {
			// refused below
		}
		throw new InvalidField("before", "validation.activity.cursor", "Not a cursor this timeline gave");
	}

	@Override
	public String toString() {
		return at + "~" + id;
	}
}
