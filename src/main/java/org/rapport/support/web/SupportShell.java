package org.rapport.support.web;

import org.rapport.web.MenuEntry;
import org.rapport.web.MenuGroup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What customer service adds to the shell: the service menu with cases and the queue, and the administration of
 * business calendars, SLA policies and the service mailbox.
 */
@Configuration(proxyBeanMethods = false)
class SupportShell {

	@Bean
	static MenuEntry casesMenu() {
		return MenuEntry.in(MenuGroup.SERVICE, "nav.cases", "/cases", "life-preserver", 10);
	}

	@Bean
	static MenuEntry caseQueueMenu() {
		return MenuEntry.in(MenuGroup.SERVICE, "nav.caseQueue", "/cases/queue", "inbox", 20);
	}

	@Bean
	static MenuEntry calendarsMenu() {
		return MenuEntry.admin("nav.businessCalendars", "/admin/support/calendars", "calendar-week", 950);
	}

	@Bean
	static MenuEntry policiesMenu() {
		return MenuEntry.admin("nav.slaPolicies", "/admin/support/policies", "stopwatch", 955);
	}

	@Bean
	static MenuEntry mailboxMenu() {
		return MenuEntry.admin("nav.serviceMailbox", MailboxController.PATH, "envelope", 960);
	}
}
