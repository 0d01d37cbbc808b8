package org.rapport.sales.orders.internal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What an order list is narrowed to; every part is optional, the dates include both ends.
 */
public record OrderFilter(UUID account, OrderStatus status, LocalDate from, LocalDate to) {

	public static final OrderFilter NONE = new OrderFilter(null, null, null, null);
}
