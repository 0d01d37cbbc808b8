package org.rapport.sales;

import java.util.List;

/**
 * A batch of orders an import created or (undoing it) removed, published once per batch instead of once per order.
 */
public record OrdersImported(List<OrderId> created, List<OrderId> updated, List<OrderId> removed) {

	public OrdersImported(List<OrderId> created, List<OrderId> updated) {
		this(created, updated, List.of());
	}
}
