package org.rapport.web;

import java.util.Objects;

/**
 * A link in the main navigation that a module contributes as a bean.
 *
 * @param messageKey the message key of its label
 * @param path where it leads
 * @param icon a bootstrap-icons name, such as {@code building}
 * @param order its place, smaller first
 * @param requiredRole the role a user needs to see it, or {@code null} for everybody
 */
public record MenuEntry(String messageKey, String path, String icon, int order, String requiredRole) {

	public MenuEntry {
		Objects.requireNonNull(messageKey, "messageKey");
		Objects.requireNonNull(path, "path");
	}

	public static MenuEntry of(String messageKey, String path, String icon, int order) {
		return new MenuEntry(messageKey, path, icon, order, null);
	}
}
