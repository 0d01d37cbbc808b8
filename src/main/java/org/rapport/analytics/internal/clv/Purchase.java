package org.rapport.analytics.internal.clv;

import java.time.LocalDate;
import org.rapport.shared.InvalidField;

/**
 * One purchase of a customer: who bought, on which day, and for how much. Several purchases on one day count as one
 * purchase of their summed amount.
 */
public record Purchase(String customer, LocalDate date, double amount) {

	public Purchase {
		if (customer == null || customer.isBlank()) {
			throw new InvalidField("customer", "analytics.clv.customerMissing", "Every purchase names its customer");
		}
		if (date == null) {
			throw new InvalidField("date", "analytics.clv.dateMissing", "Every purchase has a date");
		}
		// NaN fails the comparison as well, so that it is refused with the negative amounts
		if (!(amount >= 0) || Double.isInfinite(amount)) {
			throw new InvalidField("amount", "analytics.clv.amountNegative",
					"An amount is a number of zero or more: {0} bought for {1} on {2}", customer, amount, date);
		}
	}
}
