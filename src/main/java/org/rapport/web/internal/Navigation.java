package org.rapport.web.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;

/**
 * What the navigation bar shows one user on one page: the entries without a group, which are links of their own,
 * and the groups with the entries the user may see, in the order of {@link MenuGroup}; a group without such an entry
 * is left out. The entry of the page shown, the one whose path is the longest beginning of it, is the current one,
 * and its group is active.
 *
 * @param direct the entries shown as links of their own, in their order
 * @param groups the groups with at least one entry the user may see
 * @param current the entry of the page shown, or {@code null} where no entry leads
 */
public record Navigation(List<MenuEntry> direct, List<Section> groups, MenuEntry current) {

	/** The bar of a page nobody is signed in to: no entries. */
	static final Navigation NONE = new Navigation(List.of(), List.of(), null);

	private static final Comparator<MenuEntry> IN_ORDER = Comparator.comparingInt(MenuEntry::order);

	public Navigation {
		direct = List.copyOf(direct);
		groups = List.copyOf(groups);
	}

	/**
	 * The navigation of a user with these roles (their names) on the page at this path, from every entry the
	 * modules contribute.
	 */
	static Navigation of(Collection<MenuEntry> entries, Collection<String> roles, String path) {
		List<MenuEntry> visible = entries.stream()
			.filter(entry -> entry.requiredRole() == null
					|| java.util.Arrays.stream(entry.requiredRole().split(",")).map(String::strip).anyMatch(roles::contains))
			.sorted(IN_ORDER)
			.toList();
		MenuEntry current = visible.stream()
			.filter(entry -> leadsTo(entry, path))
			.max(Comparator.comparingInt(entry -> entry.path().length()))
			.orElse(null);
		List<Section> groups = new ArrayList<>();
		for (MenuGroup group : MenuGroup.values()) {
			List<MenuEntry> listed = visible.stream().filter(entry -> entry.group() == group).toList();
			if (!listed.isEmpty()) {
				groups.add(new Section(group, listed, current != null && current.group() == group));
			}
		}
		return new Navigation(visible.stream().filter(entry -> entry.group() == null).toList(), groups, current);
	}

	/** Whether the page at this path is the entry's page or one below it. */
	private static boolean leadsTo(MenuEntry entry, String path) {
		if (path == null) {
			return false;
		}
		String root = entry.path().endsWith("/") ? entry.path() : entry.path() + "/";
		return path.equals(entry.path()) || path.startsWith(root);
	}

	/** Whether this entry leads to the page shown. */
	public boolean isCurrent(MenuEntry entry) {
		return current != null && current.equals(entry);
	}

	/** The groups shown after the entries without a group: all but the administration. */
	public List<Section> leading() {
		return groups.stream().filter(section -> !section.administration()).toList();
	}

	/** The administration group, shown at the end of the bar beside the user's menu, or {@code null}. */
	public Section administration() {
		return groups.stream().filter(Section::administration).findFirst().orElse(null);
	}

	/**
	 * A group in the bar with the entries the user may see.
	 *
	 * @param group which group
	 * @param entries its entries the user may see, in their order; never empty
	 * @param active whether the page shown is one of its entries'
	 */
	public record Section(MenuGroup group, List<MenuEntry> entries, boolean active) {

		public Section {
			entries = List.copyOf(entries);
		}

		/** The id of the group's toggle: {@code nav-group-sales}…, and {@code admin-menu} for the administration. */
		public String id() {
			return administration() ? "admin-menu" : "nav-group-" + group.name().toLowerCase(Locale.ROOT);
		}

		public boolean administration() {
			return group == MenuGroup.ADMINISTRATION;
		}
	}
}
