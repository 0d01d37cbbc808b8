package org.rapport.sales;

import java.time.LocalDate;
import org.rapport.customers.AccountId;
import org.rapport.shared.Money;

/**
 * An account bought: its order was confirmed. {@code opportunity} names the won opportunity it came from, if any.
 */
public record OrderPlaced(OrderId order, String number, AccountId account, LocalDate orderDate, Money total,
		OpportunityId opportunity) {
}
