package org.rapport.sales;

import java.time.LocalDate;
import java.util.List;
import org.rapport.customers.AccountId;
import org.rapport.identity.UserId;
import org.rapport.shared.Money;

/**
 * An opportunity reached a won stage; its lines, if any, become an order.
 */
public record OpportunityWon(OpportunityId opportunity, AccountId account, Money amount, LocalDate closeDate,
		UserId owner, List<Line> lines) {

	public OpportunityWon {
		lines = List.copyOf(lines);
	}

	public record Line(ProductId product, java.math.BigDecimal quantity, Money unitPrice,
			java.math.BigDecimal discountPercent) {
	}
}
