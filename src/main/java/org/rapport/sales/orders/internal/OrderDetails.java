package org.rapport.sales.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order as a form or an API request gives it; a line without a unit price takes the product's.
 * {@code externalId}, the id another system gives it, stays as it is when null and is taken away when empty.
 */
public record OrderDetails(UUID accountId, LocalDate orderDate, String currency, String notes,
		List<LineDetails> lines, String externalId) {

	public OrderDetails {
		lines = List.copyOf(lines);
	}

	/** The fields of a form that leaves the external id as it is. */
	public OrderDetails(UUID accountId, LocalDate orderDate, String currency, String notes, List<LineDetails> lines) {
		this(accountId, orderDate, currency, notes, lines, null);
	}

	public record LineDetails(UUID productId, BigDecimal quantity, BigDecimal unitPrice) {
	}
}
