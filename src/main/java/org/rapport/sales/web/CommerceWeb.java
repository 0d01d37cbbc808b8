package org.rapport.sales.web;

import java.util.List;
import org.rapport.shared.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the product, order and contract pages and APIs share: paging from the URL, the filter part of list
 * links, API pages, and the ETag/If-Match version of a record (its version in quotes).
 */
final class CommerceWeb {

	private CommerceWeb() {
	}

	/** Paging as the URL carries it: {@code page} from 0, {@code size} up to {@value #MAX_SIZE}. */
	record Paging(int page, int size) {

		static final int DEFAULT_SIZE = 25;
		static final int MAX_SIZE = 200;

		static Paging of(Integer page, Integer size) {
			int p = page == null || page < 0 ? 0 : page;
			int s = size == null || size < 1 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
			return new Paging(p, s);
		}
	}

	/** A page of an API list, the total counted up to a limit past which {@code totalCapped} is true. */
	record ApiPage<T>(List<T> items, int page, int size, boolean hasNext, long total, boolean totalCapped) {

		static <T> ApiPage<T> of(ResultPage<T> page) {
			return new ApiPage<>(page.items(), page.page(), page.size(), page.hasNext(), page.total(),
					page.totalCapped());
		}
	}

	/** The filter part of a list URL, encoded, so that sort and page links keep the filters. */
	static final class FilterQuery {

		private final UriComponentsBuilder builder = UriComponentsBuilder.newInstance();

		FilterQuery with(String name, Object value) {
			if (value != null && !value.toString().isBlank()) {
				builder.queryParam(name, value.toString().strip());
			}
			return this;
		}

		/** The encoded parameters followed by {@code &}, or nothing when no filter is set. */
		String encoded() {
			String query = builder.encode().build().getQuery();
			return query == null || query.isEmpty() ? "" : query + "&";
		}
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version the client last saw: from {@code If-Match} when sent, else from the body, else the current one.
	 * A stale {@code If-Match} answers 412 before anything changes.
	 */
	static long expected(String ifMatch, Long bodyVersion, long current) {
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

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
