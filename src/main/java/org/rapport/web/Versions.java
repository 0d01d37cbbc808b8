package org.rapport.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reads the ETag/If-Match version of a record; the ETag is the record's version in quotes.
 */
public final class Versions {

	private Versions() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version that a replacing write (PUT) changes, as {@link #expected}; a write that names none, neither in
	 * {@code If-Match} nor in the body, answers 428 Precondition Required (RFC 6585) instead of overwriting
	 * whatever was written meanwhile.
	 */
	public static long required(String ifMatch, Long bodyVersion, long current) {
		if ((ifMatch == null || ifMatch.isBlank()) && bodyVersion == null) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED, "Send If-Match with the ETag you "
					+ "read, or the version you read in the body, so that no change made meanwhile is overwritten.");
		}
		return expected(ifMatch, bodyVersion, current);
	}

	/**
	 * The version the client last saw: from {@code If-Match} when sent, else from the body. A stale
	 * {@code If-Match} answers 412 before anything changes.
	 */
	public static long expected(String ifMatch, Long bodyVersion, long current) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			String tag = ifMatch.strip();
			if (tag.equals("*")) {
				return current;
			}
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			long asked;
			try {
				asked = Long.parseLong(tag.replace("\"", ""));
			}
			catch (NumberFormatException e) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "If-Match must be an ETag of this API");
			}
			if (asked != current) {
				throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
						"The record has changed since version " + asked + "; it is now at version " + current);
			}
			return asked;
		}
		return bodyVersion == null ? current : bodyVersion;
	}
}
