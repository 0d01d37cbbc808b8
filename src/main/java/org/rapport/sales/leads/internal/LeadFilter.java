package org.rapport.sales.leads.internal;

import java.util.UUID;

/**
 * What a lead list is narrowed to; every part is optional.
 */
public record LeadFilter(String q, UUID owner, LeadStatus status, LeadRating rating) {

	public static final LeadFilter NONE = new LeadFilter(null, null, null, null);
}
