package org.rapport.sales.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored values of an order as a bulk import reads and writes them; {@code version} is the one a write expects
 * to find. A new order has no number until it is stored; {@code status} is the name of its status, and
 * {@code confirmedAt} when it was confirmed, if it was. The order keeps its total as its page does: the lines priced to
 * the currency, their sum rounded once.
 */
public record OrderValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, UUID accountId,
		String number, LocalDate orderDate, String currency, String status, String notes, List<Line> lines,
		Map<String, Object> customFields, Instant confirmedAt) {

	/** A line: a product, a quantity above zero and its unit price in the order's currency. */
	public record Line(UUID productId, BigDecimal quantity, BigDecimal unitPrice) {
	}
}
