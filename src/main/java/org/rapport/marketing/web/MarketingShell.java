package org.rapport.marketing.web;

import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What marketing adds to the shell: the campaigns in the marketing menu.
 */
@Configuration(proxyBeanMethods = false)
class MarketingShell {

	@Bean
	static MenuEntry campaignsMenu() {
		return MenuEntry.in(MenuGroup.MARKETING, "nav.campaigns", "/campaigns", "megaphone", 10);
	}
}
