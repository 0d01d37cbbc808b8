package org.rapport.customers;

/**
 * How an account first came to the company.
 */
public enum AccountSource {
	WEBSITE, REFERRAL, PARTNER, CAMPAIGN, TRADE_SHOW, COLD_CALL, EMAIL, SOCIAL_MEDIA, OTHER
}
