package org.rapport.sales.internal;

/**
 * How promising a lead looks to whoever works it.
 */
public enum LeadRating {
	HOT, WARM, COLD
}
