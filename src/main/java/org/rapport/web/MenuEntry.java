package org.rapport.web;

import java.util.Objects;

/**
 * A link in the main navigation that a module contributes as a bean. Most entries belong to a {@link MenuGroup},
 * whose menu in the bar lists them; an entry without a group is a link of its own in the bar, for the few pages a
 * user should always reach in one click.
 *
 * @param messageKey the message key of its label
 * @param path where it leads
 * @param icon a bootstrap-icons name, such as {@code building}
 * @param order its place among the entries of its group (or among the entries without one), smaller first
 * @param requiredRole the role a user needs to see it, or several separated by commas of which they need one
 *        ({@code ANALYST,ADMIN}), or {@code null} for everybody
 * @param group the menu that lists it, or {@code null} for a link of its own in the bar
 */
public record MenuEntry(String messageKey, String path, String icon, int order, String requiredRole,
		MenuGroup group) {

	public MenuEntry {
		Objects.requireNonNull(messageKey, "messageKey");
		Objects.requireNonNull(path, "path");
	}

	/** An entry for everybody shown as a link of its own in the bar, always one click away. */
	public static MenuEntry of(String messageKey, String path, String icon, int order) {
		return new MenuEntry(messageKey, path, icon, order, null, null);
	}

	/** An entry for everybody in the menu of the given group. */
	public static MenuEntry in(MenuGroup group, String messageKey, String path, String icon, int order) {
		return new MenuEntry(messageKey, path, icon, order, null, Objects.requireNonNull(group, "group"));
	}

	/** An entry in the administration menu, which only administrators (role {@code ADMIN}) see. */
	public static MenuEntry admin(String messageKey, String path, String icon, int order) {
		return new MenuEntry(messageKey, path, icon, order, "ADMIN", MenuGroup.ADMINISTRATION);
	}
}
