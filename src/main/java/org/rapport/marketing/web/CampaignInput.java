package org.rapport.marketing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.marketing.internal.Campaign;
import org.rapport.marketing.internal.CampaignDetails;
import org.rapport.marketing.internal.CampaignStatus;
import org.rapport.marketing.internal.CampaignType;
import org.rapport.shared.Amount;
import org.rapport.shared.CurrencyCode;
import org.rapport.shared.PlausibleDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A campaign as the form and the API take it. The annotations describe the fields to clients and name every
 * invalid one at once; {@link Campaign#terms} checks them again, with the rules they cannot say (an end on or after
 * the start), for every path.
 */
record CampaignInput(
		@NotBlank @Size(max = Campaign.MAX_NAME) String name,
		@NotNull CampaignType type,
		@Schema(description = "PLANNED, ACTIVE, COMPLETED or ABORTED. Required for a new campaign; left out of a "
				+ "change, the status stays. A planned campaign becomes active or aborted, an active one completed or "
				+ "aborted; a completed or aborted one moves no more.")
		CampaignStatus status,
		@NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@Schema(description = "On or after startDate")
		@NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
		@NotNull @Amount @Digits(integer = 13, fraction = 4) BigDecimal budget,
		@Schema(description = "The ISO 4217 currency of the budget, the actual cost and the expected revenue")
		@NotBlank @Pattern(regexp = "^[A-Za-z]{3}$", message = "{validation.currency}") @CurrencyCode String currency,
		@Schema(description = "What the campaign cost so far, in its currency; none when left out")
		@Amount @Digits(integer = 13, fraction = 4) BigDecimal actualCost,
		@Schema(description = "The revenue the campaign is expected to bring, in its currency; none when left out")
		@Amount @Digits(integer = 13, fraction = 4) BigDecimal expectedRevenue,
		@Size(max = Campaign.MAX_DESCRIPTION) String description,
		@Schema(description = "The campaign this one belongs to; at the top when left out. A campaign cannot be "
				+ "placed under itself or its own sub-campaigns, and hierarchies are at most five levels deep.")
		UUID parentId,
		@Schema(description = "The owner; the acting user when left out (a change then keeps the owner)")
		UUID ownerId,
		@Schema(description = "The team; the owner's own when left out")
		UUID teamId,
		Long version) {

	/** A new campaign starting today for a month, in the currency given, under the parent if one is given. */
	static CampaignInput planned(LocalDate today, String currency, UUID parentId) {
		return new CampaignInput(null, CampaignType.EMAIL, CampaignStatus.PLANNED, today, today.plusMonths(1), null,
				currency, null, null, null, parentId, null, null, null);
	}

	static CampaignInput of(Campaign c) {
		return new CampaignInput(c.getName(), c.getType(), c.getStatus(), c.getStartDate(), c.getEndDate(),
				c.getBudget().amount(), c.getCurrency(),
				c.getActualCost() == null ? null : c.getActualCost().amount(),
				c.getExpectedRevenue() == null ? null : c.getExpectedRevenue().amount(), c.getDescription(),
				c.getParentId(), c.getOwnerId(), c.getTeamId(), c.getVersion());
	}

	CampaignDetails toDetails() {
		return new CampaignDetails(name, type, status, startDate, endDate, currency, budget, actualCost,
				expectedRevenue, description, parentId, ownerId == null ? null : new UserId(ownerId),
				teamId == null ? null : new TeamId(teamId));
	}
}
