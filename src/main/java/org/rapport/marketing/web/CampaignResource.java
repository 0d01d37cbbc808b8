package org.rapport.marketing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rapport.marketing.internal.Campaign;
import org.rapport.marketing.internal.CampaignStatus;
import org.rapport.marketing.internal.CampaignType;

/**
 * A campaign as the API shows it; the amounts are in its currency.
 */
record CampaignResource(UUID id, long version, String name, CampaignType type, CampaignStatus status,
		LocalDate startDate, LocalDate endDate, BigDecimal budget,
		@Schema(description = "Null while no cost is recorded") BigDecimal actualCost,
		@Schema(description = "Null while no revenue is expected") BigDecimal expectedRevenue, String currency,
		String description, @Schema(description = "Null for a campaign at the top") UUID parentId, UUID ownerId,
		UUID teamId, Instant createdAt, Instant updatedAt) {

	static CampaignResource of(Campaign c) {
		return new CampaignResource(c.getId(), c.getVersion(), c.getName(), c.getType(), c.getStatus(),
				c.getStartDate(), c.getEndDate(), c.getBudget().amount(),
				c.getActualCost() == null ? null : c.getActualCost().amount(),
				c.getExpectedRevenue() == null ? null : c.getExpectedRevenue().amount(), c.getCurrency(),
				c.getDescription(), c.getParentId(), c.getOwnerId(), c.getTeamId(), c.getCreatedAt(),
				c.getUpdatedAt());
	}
}
