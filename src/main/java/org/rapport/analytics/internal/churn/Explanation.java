package org.rapport.analytics.internal.churn;

import java.util.List;

/**
 * Why a row scores as it does: its probability of churn and the columns that push it most, strongest first.
 */
public record Explanation(double probability, Unit unit, List<Factor> factors) {

	public Explanation {
		factors = List.copyOf(factors);
	}

	/** What a factor's effect measures. */
	public enum Unit {

		/**
		 * Logistic regression: the column's coefficients times the row's standardised values, summed over a text
		 * column's levels; the change in log-odds against a row of average values.
		 */
		LOG_ODDS,

		/**
		 * Trees, forests and boosting: the row's probability less its mean probability with the column set to the
		 * values it usually holds in the training rows (a number's deciles, a text's levels by frequency).
		 */
		PROBABILITY
	}
}
