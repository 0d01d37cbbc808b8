package org.rapport.marketing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.rapport.marketing.internal.CampaignFigures;

/**
 * A campaign's figures summed over it and its descendants that the caller may see: {@code total} in the
 * campaign's currency, {@code otherCurrencies} for descendants kept in another currency, which are not converted and
 * not added in.
 */
record FiguresResource(SumResource total, List<SumResource> otherCurrencies) {

	static FiguresResource of(CampaignFigures figures) {
		return new FiguresResource(SumResource.of(figures.total()),
				figures.otherCurrencies().stream().map(SumResource::of).toList());
	}

	/** The sums over some campaigns in one currency. */
	record SumResource(String currency, @Schema(description = "How many campaigns the sums cover") long campaigns,
			BigDecimal budget, BigDecimal actualCost, BigDecimal expectedRevenue) {

		static SumResource of(CampaignFigures.Sum sum) {
			return new SumResource(sum.currency(), sum.campaigns(), sum.budget().amount(), sum.actualCost().amount(),
					sum.expectedRevenue().amount());
		}
	}
}
