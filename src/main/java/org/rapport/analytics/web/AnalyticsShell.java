package org.rapport.analytics.web;

import org.rapport.customers.AccountPanel;
import org.rapport.sales.ProductId;
import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.rapport.web.RecordPanel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What analytics adds to the shell: the customer-value model, the saved segmentations, the churn model, the
 * recommendations and the workbench in the analytics menu, for analysts and administrators; each account's value,
 * segments, risk of churn and recommended products on its page, and the products bought together on a product's page.
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
	static MenuEntry segmentsMenu() {
		return new MenuEntry("nav.segments", "/analytics/segments", "diagram-3", 20, "ANALYST,ADMIN",
				MenuGroup.ANALYTICS);
	}

	@Bean
	static MenuEntry recommendationsMenu() {
		return new MenuEntry("nav.recommendations", "/analytics/recommendations", "stars", 40, "ANALYST,ADMIN",
				MenuGroup.ANALYTICS);
	}

	@Bean
	static AccountPanel accountSegmentsPanel() {
		return new AccountPanel("/analytics/accounts/{id}/segments", 46, false);
	}

	@Bean
	static AccountPanel accountRecommendationsPanel() {
		return new AccountPanel("/analytics/accounts/{id}/recommendations", 48, false);
	}

	@Bean
	static RecordPanel boughtTogetherPanel() {
		return new RecordPanel(ProductId.TYPE, "/analytics/products/{id}/bought-together", 50);
	}

	@Bean
	static MenuEntry churnMenu() {
		return new MenuEntry("nav.churn", "/analytics/churn", "person-dash", 30, "ANALYST,ADMIN", MenuGroup.ANALYTICS);
	}

	@Bean
	static AccountPanel accountChurnPanel() {
		return new AccountPanel("/analytics/accounts/{id}/churn", 47, false);
	}

	@Bean
	static MenuEntry workbenchMenu() {
		return new MenuEntry("nav.workbench", "/analytics/workbench", "clipboard-data", 90, "ANALYST,ADMIN",
				MenuGroup.ANALYTICS);
	}
}
