package org.rapport.sales.orders.internal;

import java.util.Set;

/**
 * Where an order stands: being put together, bought, delivered, or called off.
 */
public enum OrderStatus {
	DRAFT, CONFIRMED, FULFILLED, CANCELLED;

	/** Whether an order in this status may move to the other. */
	public boolean canMoveTo(OrderStatus next) {
		return switch (this) {
			case DRAFT -> Set.of(CONFIRMED, CANCELLED).contains(next);
			case CONFIRMED -> Set.of(FULFILLED, CANCELLED).contains(next);
			case FULFILLED, CANCELLED -> false;
		};
	}

	/** Whether the order counts as a purchase: bought, whether or not delivered yet. */
	public boolean isPurchase() {
		return this == CONFIRMED || this == FULFILLED;
	}
}
