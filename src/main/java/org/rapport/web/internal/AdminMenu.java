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

	@Bean
	MenuEntry usersMenu() {
		return new MenuEntry("nav.users", "/admin/users", "people", 900, "ADMIN");
	}

	@Bean
	MenuEntry teamsMenu() {
		return new MenuEntry("nav.teams", "/admin/teams", "diagram-3", 910, "ADMIN");
	}

	@Bean
	MenuEntry customFieldsMenu() {
		return new MenuEntry("nav.fields", "/admin/fields", "ui-checks", 920, "ADMIN");
	}

	@Bean
	MenuEntry duplicatesMenu() {
		return new MenuEntry("duplicates.title", "/accounts/duplicates", "intersect", 930, "ADMIN");
	}

	@Bean
	MenuEntry searchIndexMenu() {
		return new MenuEntry("search.index.title", "/admin/search", "search", 940, "ADMIN");
	}
}
