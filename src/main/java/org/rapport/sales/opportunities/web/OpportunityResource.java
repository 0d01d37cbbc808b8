package org.rapport.sales.opportunities.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.sales.StageKind;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.shared.Money;

/**
 * An opportunity as the API shows it.
 */
record OpportunityResource(UUID id, long version, String externalId, UUID accountId, String name, UUID pipelineId, UUID stageId,
		StageKind stageKind, Money amount, Money weightedAmount, LocalDate closeDate, int probability, String nextStep,
		String lostReason, Instant stageEnteredAt, List<Line> lines, UUID ownerId, UUID teamId,
		Map<String, Object> customFields, UUID createdBy,
		Instant createdAt, UUID updatedBy, Instant updatedAt) {

	static OpportunityResource of(Opportunity o) {
		return new OpportunityResource(o.getId(), o.getVersion(), o.getExternalId(), o.getAccountId(), o.getName(), o.getPipelineId(),
				o.getStageId(), o.getStageKind(), o.getAmount(), o.weighted(), o.getCloseDate(), o.getProbability(),
				o.getNextStep(), o.getLostReason(), o.getStageEnteredAt(),
				o.getLines()
					.stream()
					.map(l -> new Line(l.getProductId(), l.getQuantity(), l.getUnitPrice(), l.getDiscountPercent(),
							l.total(o.getAmount().currency())))
					.toList(),
				o.getOwnerId(), o.getTeamId(), o.getCustomFields(), o.getCreatedBy(), o.getCreatedAt(), o.getUpdatedBy(), o.getUpdatedAt());
	}

	@Schema(name = "OpportunityLine")
	record Line(UUID productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, Money total) {
	}
}
