package org.rapport.sales.opportunities.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The stored values of an opportunity as a bulk import reads and writes them; {@code version} is the one a write
 * expects to find, and {@code lostReason} why it was lost, kept only while its stage is a lost one.
 */
public record OpportunityValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, UUID accountId,
		String name, UUID pipelineId, UUID stageId, BigDecimal amount, String currency, LocalDate closeDate,
		int probability, String lostReason, Map<String, Object> customFields) {
}
