package org.rapport.sales.catalogue.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * The stored values of a product as a bulk import reads and writes them; {@code currency} is an ISO 4217 code;
 * {@code version} is the one a write expects to find.
 */
public record ProductValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, String sku,
		String name, String category, BigDecimal unitPrice, String currency, boolean active, String description,
		Map<String, Object> customFields) {
}
