package org.rapport.marketing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;

/**
 * A campaign as a form or an API request gives it, unchecked: {@link Campaign#terms} checks it. {@code actualCost}
 * and {@code expectedRevenue} are none when null; {@code parentId} places it under another campaign; {@code owner}
 * and {@code team} are the acting user and their team when null.
 */
public record CampaignDetails(String name, CampaignType type, CampaignStatus status, LocalDate startDate,
		LocalDate endDate, String currency, BigDecimal budget, BigDecimal actualCost, BigDecimal expectedRevenue,
		String description, UUID parentId, UserId owner, TeamId team) {
}
