package org.rapport.sales.catalogue.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.rapport.sales.catalogue.internal.Product;

/**
 * A product as the API shows it.
 */
record ProductResource(UUID id, long version, String externalId, String sku, String name, String description, BigDecimal unitPrice,
		String currency, String category, boolean active, Map<String, Object> customFields, Instant createdAt,
		Instant updatedAt) {

	static ProductResource of(Product p) {
		return new ProductResource(p.getId(), p.getVersion(), p.getExternalId(), p.getSku(), p.getName(), p.getDescription(),
				p.getUnitPrice().amount(), p.getUnitPrice().currency(), p.getCategory(), p.isActive(),
				p.getCustomFields(), p.getCreatedAt(), p.getUpdatedAt());
	}
}
