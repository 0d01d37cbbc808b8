package org.rapport.activities.web;

import org.rapport.customers.AccountPanel;
import org.rapport.customers.ContactId;
import org.rapport.sales.ContractId;
import org.rapport.sales.LeadId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OrderId;
import org.rapport.web.HomeCard;
import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.rapport.web.RecordPanel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What activities add to the shell: "My work" and the activity list in the menu, the "My work" card on the home
 * page, and the timeline on the pages of accounts, contacts, leads, opportunities, orders and contracts.
 */
@Configuration(proxyBeanMethods = false)
class ActivitiesShell {

	@Bean
	static MenuEntry myWorkMenu() {
		return MenuEntry.of("nav.myWork", "/my-work", "check2-square", 5);
	}

	/** The calendar is a link of its own, one click away from every page. */
	@Bean
	static MenuEntry calendarMenu() {
		return MenuEntry.of("nav.calendar", "/calendar", "calendar3", 6);
	}

	@Bean
	static MenuEntry activitiesMenu() {
		return MenuEntry.in(MenuGroup.SALES, "nav.activities", "/activities", "list-check", 85);
	}

	@Bean
	static HomeCard myWorkCard() {
		return new HomeCard("/my-work/card", 5);
	}

	@Bean
	static AccountPanel accountTimeline() {
		return new AccountPanel("/timeline?about=account:{id}", 90, true);
	}

	@Bean
	static RecordPanel contactTimeline() {
		return timelineOf(ContactId.TYPE);
	}

	@Bean
	static RecordPanel leadTimeline() {
		return timelineOf(LeadId.TYPE);
	}

	@Bean
	static RecordPanel opportunityTimeline() {
		return timelineOf(OpportunityId.TYPE);
	}

	@Bean
	static RecordPanel orderTimeline() {
		return timelineOf(OrderId.TYPE);
	}

	@Bean
	static RecordPanel contractTimeline() {
		return timelineOf(ContractId.TYPE);
	}

	private static RecordPanel timelineOf(String type) {
		return new RecordPanel(type, "/timeline?about=" + type + ":{id}", 90);
	}
}
