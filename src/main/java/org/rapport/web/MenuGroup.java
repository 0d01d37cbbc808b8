package org.rapport.web;

/**
 * A menu of the main navigation that gathers the entries of one line of work, so that the bar stays one line
 * however many modules add entries; the bar shows the groups in this order, the administration last, beside the
 * user's menu.
 */
public enum MenuGroup {

	/** Customers, leads, deals and what is sold to them. */
	SALES("nav.group.sales", "briefcase"),

	/** Customer service: cases and what answers them. */
	SERVICE("nav.group.service", "headset"),

	/** Campaigns and the segments they reach. */
	MARKETING("nav.group.marketing", "megaphone"),

	/** Dashboards and reports. */
	ANALYTICS("nav.group.analytics", "bar-chart-line"),

	/** What administrators set up for everybody: users, teams, pipelines, fields. */
	ADMINISTRATION("nav.group.administration", "gear");

	private final String messageKey;
	private final String icon;

	MenuGroup(String messageKey, String icon) {
		this.messageKey = messageKey;
		this.icon = icon;
	}

	/** The message key of the group's name. */
	public String messageKey() {
		return messageKey;
	}

	/** The bootstrap-icons name shown before the group's name. */
	public String icon() {
		return icon;
	}
}
