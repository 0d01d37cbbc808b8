package org.rapport.web;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter part of a list URL, encoded, so that sort and page links keep the filters.
 */
public final class FilterQuery {

	private final UriComponentsBuilder builder = UriComponentsBuilder.newInstance();

	public FilterQuery with(String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			builder.queryParam(name, value.toString().strip());
		}
		return this;
	}

	/** Adds every parameter of the map, such as the custom-field filters and columns of a list. */
	public FilterQuery withAll(java.util.Map<String, String> params) {
		params.forEach(this::with);
		return this;
	}

	/** The encoded parameters followed by {@code &}, or nothing when no filter is set, ready for more. */
	public String encoded() {
		String query = builder.encode().build().getQuery();
		return query == null || query.isEmpty() ? "" : query + "&";
	}
}
