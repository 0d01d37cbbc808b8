package org.rapport.customers;

/**
 * What kind of records a merge joined.
 */
public enum MergeKind {
	ACCOUNT, CONTACT, LEAD
}
