package org.rapport.sales.leads.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.rapport.shared.Money;

/**
 * What a lead is converted into: the existing account to join, or else a new account under the given name (by
 * default the lead's company, or the person's name when there is none); and, when asked for, an opportunity.
 */
public record LeadConversion(UUID existingAccount, String accountName, Opportunity opportunity) {

	/** The opportunity to open on the account, in the default pipeline's first stage. */
	public record Opportunity(String name, Money amount, LocalDate closeDate) {
	}
}
