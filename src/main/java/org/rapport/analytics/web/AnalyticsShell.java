package org.rapport.analytics.web;

import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What analytics adds to the shell: the workbench in the analytics menu, for analysts and administrators. */
@Configuration(proxyBeanMethods = false)
class AnalyticsShell {

	@Bean
	static MenuEntry workbenchMenu() {
		return new MenuEntry("nav.workbench", "/analytics/workbench", "clipboard-data", 90, "ANALYST,ADMIN",
				MenuGroup.ANALYTICS);
	}
}
