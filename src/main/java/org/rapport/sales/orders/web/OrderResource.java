package org.rapport.sales.orders.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.sales.orders.internal.OrderStatus;
import org.rapport.sales.orders.internal.SalesOrder;

/**
 * An order as the API shows it.
 */
record OrderResource(UUID id, long version, String externalId, String number, UUID accountId, UUID opportunityId, LocalDate orderDate,
		OrderStatus status, BigDecimal total, String currency, String notes, List<Line> lines, UUID ownerId,
		UUID teamId, Map<String, Object> customFields, Instant createdAt, Instant updatedAt) {

	static OrderResource of(SalesOrder o) {
		return new OrderResource(o.getId(), o.getVersion(), o.getExternalId(), o.getNumber(), o.getAccountId(), o.getOpportunityId(),
				o.getOrderDate(), o.getStatus(), o.getTotal().amount(), o.getCurrency(), o.getNotes(),
				o.getLines().stream().map(l -> new Line(l.getProductId(), l.getQuantity(), l.getUnitPrice())).toList(),
				o.getOwnerId(), o.getTeamId(), o.getCustomFields(), o.getCreatedAt(), o.getUpdatedAt());
	}

	@Schema(name = "OrderLine")
	record Line(UUID productId, BigDecimal quantity, BigDecimal unitPrice) {
	}
}
