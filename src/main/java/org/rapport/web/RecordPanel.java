package org.rapport.web;

import java.util.Objects;

/**
 * A panel that a module serves on the page of another module's record (a contact, lead, opportunity, order or
 * contract), loaded on its own once the page is shown; the page names its record type and id, and knows nothing of
 * the module. The account page has its own, {@code AccountPanel}.
 *
 * @param recordType the type of record whose page shows the panel, as a {@code RecordRef} names it
 * @param pathTemplate the path serving the panel's HTML, with {@code {id}} for the record's id
 * @param order its place, smaller first
 */
public record RecordPanel(String recordType, String pathTemplate, int order) {

	public RecordPanel {
		Objects.requireNonNull(recordType, "recordType");
		Objects.requireNonNull(pathTemplate, "pathTemplate");
		if (!pathTemplate.contains("{id}")) {
			throw new IllegalArgumentException("The panel's path needs an {id} placeholder");
		}
	}

	public String pathFor(Object id) {
		return pathTemplate.replace("{id}", id.toString());
	}
}
