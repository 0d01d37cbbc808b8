package org.rapport.marketing.internal;

import java.util.List;
import org.rapport.shared.Money;

/**
 * The figures of a campaign and its descendants that the reader may see, summed: {@code total} in the campaign's
 * own currency, and {@code otherCurrencies} for descendants kept in another currency, one sum per currency, which
 * are never converted into the campaign's (Rapport keeps no exchange rates for campaigns) and so never added in.
 */
public record CampaignFigures(Sum total, List<Sum> otherCurrencies) {

	public CampaignFigures {
		otherCurrencies = List.copyOf(otherCurrencies);
	}

	/** The sums over {@code campaigns} campaigns in one currency; a campaign without a cost or revenue adds none. */
	public record Sum(String currency, long campaigns, Money budget, Money actualCost, Money expectedRevenue) {
	}
}
