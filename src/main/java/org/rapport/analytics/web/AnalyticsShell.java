package org.rapport.analytics.web;

import org.rapport.customers.AccountPanel;
import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What analytics adds to the shell: the customer-value model and the workbench in the analytics menu, for analysts and
 * administrators, and each account's value on its page.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsShell {

	@Bean
	static MenuEntry customerValueMenu() {
		return new MenuEntry("nav.customerValue", "/analytics/value", "graph-up-arrow", 10, "ANALYST,ADMIN",
				MenuGroup.ANALYTICS);
	}

	@Bean
	static AccountPanel accountValuePanel() {
		return new AccountPanel("/analytics/accounts/{id}/value", 45, false);
	}

	@Bean
	static MenuEntry workbenchMenu() {
		return new MenuEntry("nav.workbench", "/analytics/workbench", "clipboard-data", 90, "ANALYST,ADMIN",
				MenuGroup.ANALYTICS);
	}
}
