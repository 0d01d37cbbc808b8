package org.rapport.integration;

/**
 * What makes two records the same one when records arrive in bulk: the id another system gives them, their
 * e-mail address, their name (with the company it belongs to), the number they carry (a product's SKU), or their id
 * in Rapport, as its exports write it.
 */
public enum MatchBy {
	EXTERNAL_ID, EMAIL, NAME, NUMBER, ID
}
