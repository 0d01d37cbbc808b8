package org.rapport.sales.opportunities.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The stored values of an opportunity as a bulk import reads and writes them; {@code version} is the one a write
 * expects to find.
 */
public record OpportunityValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, UUID accountId,
		String name, UUID pipelineId, UUID stageId, BigDecimal amount, String currency, LocalDate closeDate,
		int probability, Map<String, Object> customFields) {
}
