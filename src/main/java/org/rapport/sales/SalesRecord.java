package org.rapport.sales;

import org.rapport.customers.AccountId;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.RecordRef;

/**
 * What other modules may know of a lead, opportunity, order or contract: its title (a lead's name, an opportunity's
 * name, an order's or contract's number), the account it belongs to ({@code null} for a lead not converted) and
 * who owns it, which decides who sees it.
 */
public record SalesRecord(RecordRef ref, String title, AccountId account, UserId owner, TeamId team) {
}
