package org.rapport.web;

import java.util.Objects;

/**
 * A card on the home page, loaded from the module that owns its data.
 *
 * @param fragmentPath the path that serves the card's HTML
 * @param order its place, smaller first
 */
public record HomeCard(String fragmentPath, int order) {

	public HomeCard {
		Objects.requireNonNull(fragmentPath, "fragmentPath");
	}
}
