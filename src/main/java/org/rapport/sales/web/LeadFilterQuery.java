package org.rapport.sales.web;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter part of the lead list's URL, encoded, so that sort and page links keep the filters.
 */
final class LeadFilterQuery {

	private final UriComponentsBuilder builder = UriComponentsBuilder.newInstance();

	LeadFilterQuery with(String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			builder.queryParam(name, value.toString().strip());
		}
		return this;
	}

	/** The encoded parameters followed by {@code &}, or nothing when no filter is set, ready for more. */
	String encoded() {
		String query = builder.encode().build().getQuery();
		return query == null || query.isEmpty() ? "" : query + "&";
	}
}
