package org.rapport.sales.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order as a form or an API request gives it; a line without a unit price takes the product's.
 */
public record OrderDetails(UUID accountId, LocalDate orderDate, String currency, String notes,
		List<LineDetails> lines) {

	public OrderDetails {
		lines = List.copyOf(lines);
	}

	public record LineDetails(UUID productId, BigDecimal quantity, BigDecimal unitPrice) {
	}
}
