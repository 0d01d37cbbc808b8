package org.rapport.web;

import java.util.Objects;

/**
 * A small piece of the navigation bar that a module serves and keeps up to date, such as the notification bell:
 * the bar loads it from its path once the page shows, and again every {@code refreshSeconds}.
 *
 * @param fragmentPath the path serving its HTML, an {@code <li class="nav-item">}
 * @param order its place among the widgets, smaller first
 * @param refreshSeconds how often it reloads, or 0 for never
 */
public record NavbarWidget(String fragmentPath, int order, int refreshSeconds) {

	public NavbarWidget {
		Objects.requireNonNull(fragmentPath, "fragmentPath");
		if (refreshSeconds < 0) {
			throw new IllegalArgumentException("A widget reloads every few seconds or never");
		}
	}

	/** The htmx trigger that loads it. */
	public String trigger() {
		return refreshSeconds == 0 ? "load" : "load, every " + refreshSeconds + "s";
	}
}
