package org.rapport.sales;

import org.rapport.customers.AccountId;
import org.rapport.shared.RecordRef;

/**
 * What other modules may know of a lead, opportunity, order or contract: its title (a lead's name, an opportunity's
 * name, an order's or contract's number) and the account it belongs to, {@code null} for a lead not converted.
 */
public record SalesRecord(RecordRef ref, String title, AccountId account) {
}
