package org.rapport.search.internal;

import java.util.UUID;
import org.rapport.search.SearchableKind;

/**
 * One record that a search found: what it is, its name and a line that tells it apart, and how well it matched.
 */
public record SearchHit(SearchableKind kind, UUID id, String title, String subtitle, float score) {

	/** The record's page. */
	public String path() {
		return kind.pathPrefix() + id;
	}
}
