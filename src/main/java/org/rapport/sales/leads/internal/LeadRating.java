package org.rapport.sales.leads.internal;

/**
 * How promising a lead looks to whoever works it.
 */
public enum LeadRating {
	HOT, WARM, COLD
}
