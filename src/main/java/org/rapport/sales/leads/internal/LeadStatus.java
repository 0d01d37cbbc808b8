package org.rapport.sales.leads.internal;

/**
 * Where a lead stands: not yet worked, talked to, worth pursuing, not worth it, or turned into a customer.
 */
public enum LeadStatus {
	NEW, CONTACTED, QUALIFIED, DISQUALIFIED, CONVERTED
}
