package org.rapport.sales;

import java.util.List;
import java.util.UUID;
import org.rapport.search.RecordsWrittenInBulk;

/**
 * A batch of orders an import created or (undoing it) removed, published once per batch instead of once per order.
 */
public record OrdersImported(List<OrderId> created, List<OrderId> updated, List<OrderId> removed)
		implements RecordsWrittenInBulk {

	public OrdersImported(List<OrderId> created, List<OrderId> updated) {
		this(created, updated, List.of());
	}

	@Override
	public String searchKind() {
		return OrderId.TYPE;
	}

	@Override
	public List<UUID> writtenIds() {
		return RecordsWrittenInBulk.idsOf(created, updated, OrderId::value);
	}

	@Override
	public List<UUID> removedIds() {
		return RecordsWrittenInBulk.idsOf(removed, OrderId::value);
	}
}
