package org.rapport.sales.leads.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of leads: who gets the leads of the public web form, and how many a client address may send.
 */
@ConfigurationProperties("rapport.leads")
public class LeadProperties {

	/** Username of the owner of web-form leads; when blank or not an active user, the first administrator. */
	private String webFormOwner = "";

	/** Web-form submissions one client address may send per minute; more answer 429. */
	private int webFormPerMinute = 10;

	public String getWebFormOwner() {
		return webFormOwner;
	}

	public void setWebFormOwner(String webFormOwner) {
		this.webFormOwner = webFormOwner;
	}

	public int getWebFormPerMinute() {
		return webFormPerMinute;
	}

	public void setWebFormPerMinute(int webFormPerMinute) {
		this.webFormPerMinute = webFormPerMinute;
	}
}
