package org.rapport.web.internal;

import org.rapport.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The administrators' menu entries for the pages of users and teams (identity), custom fields (customization),
 * duplicates (customers) and the search index (search); declared by the shell so that those modules need not know
 * the shell's menu.
 */
@Configuration(proxyBeanMethods = false)
class AdminMenu {

	/** Users are in the administration menu, since only administrators create accounts and give roles. */
	@Bean
	MenuEntry usersMenu() {
		return MenuEntry.admin("nav.users", "/admin/users", "people", 900);
	}

	/** Teams are in the administration menu, since teams decide which records their members see. */
	@Bean
	MenuEntry teamsMenu() {
		return MenuEntry.admin("nav.teams", "/admin/teams", "diagram-3", 910);
	}

	/** Custom fields are in the administration menu, since a field changes the forms and lists of everybody. */
	@Bean
	MenuEntry customFieldsMenu() {
		return MenuEntry.admin("nav.fields", "/admin/fields", "ui-checks", 920);
	}

	/** The duplicates of the whole base are in the administration menu, since cleaning them up is administrators' work. */
	@Bean
	MenuEntry duplicatesMenu() {
		return MenuEntry.admin("duplicates.title", "/accounts/duplicates", "intersect", 930);
	}

	/** The search index is in the administration menu, since rebuilding it loads the whole system. */
	@Bean
	MenuEntry searchIndexMenu() {
		return MenuEntry.admin("search.index.title", "/admin/search", "search", 940);
	}
}
