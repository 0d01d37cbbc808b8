package org.rapport.customers;

import java.util.Objects;

/**
 * A panel on the account page that another module serves, loaded on its own once the page is shown.
 *
 * @param pathTemplate the path serving the panel's HTML, with {@code {id}} for the account's id
 * @param order its place, smaller first
 * @param wide whether it spans the page's width
 */
public record AccountPanel(String pathTemplate, int order, boolean wide) {

	public AccountPanel {
		Objects.requireNonNull(pathTemplate, "pathTemplate");
		if (!pathTemplate.contains("{id}")) {
			throw new IllegalArgumentException("The panel's path needs an {id} placeholder");
		}
	}

	public String pathFor(Object accountId) {
		return pathTemplate.replace("{id}", accountId.toString());
	}
}
