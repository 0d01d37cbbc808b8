package org.rapport.marketing.internal;

/** How a campaign reaches people. */
public enum CampaignType {
	EMAIL, EVENT, WEBINAR, ADVERTISING, TRADE_SHOW, OTHER
}
