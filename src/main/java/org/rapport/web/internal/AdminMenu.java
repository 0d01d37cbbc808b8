package org.rapport.web.internal;

import org.rapport.web.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The administrators' menu entries for the user and team pages that identity serves and the custom fields page that
 * customization serves; declared by the shell so that those modules, which the shell uses, need not know the shell.
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
}
