package org.rapport.shared;

/**
 * What makes two records the same one when records arrive in bulk: the id another system gives them, their
 * e-mail address, or their name (with the company it belongs to).
 */
public enum MatchKey {
	EXTERNAL_ID, EMAIL, NAME
}
