package org.rapport.analytics.internal.clv;

import org.rapport.shared.InvalidField;

/**
 * Customer lifetime value: the seed's discounted sum of revenues, and the value that the repeat-purchase and spend
 * models predict.
 */
public final class Clv {

	/** The longest horizon in periods: ten years of days. */
	public static final int MAX_HORIZON = 3653;

	private Clv() {
	}

	/** The value of revenues R_1, R_2, ... of the coming periods today, Σ R_t / (1 + d)^t. */
	public static double discounted(double[] revenues, double discountRate) {
		checkDiscountRate(discountRate);
		double value = 0;
		double factor = 1;
		for (double revenue : revenues) {
			if (!Double.isFinite(revenue)) {
				throw new IllegalArgumentException("A revenue is a finite number, not " + revenue);
			}
			factor /= 1 + discountRate;
			value += revenue * factor;
		}
		return value;
	}

	/**
	 * The value of a customer's purchases of the next {@code horizon} periods today: the purchases that the model
	 * expects in each period, discounted to today, times the spend expected of each.
	 */
	public static double predicted(BgNbd model, RepeatSummary customer, double spend, int horizon,
			double discountRate) {
		return spend * discountedPurchases(model, customer.x(), customer.tx(), customer.T(), horizon, discountRate);
	}

	/** Σ over the periods i = 1..horizon of (E[X(i)] - E[X(i - 1)]) / (1 + d)^i for a customer of this history. */
	static double discountedPurchases(BgNbd model, int x, double tx, double T, int horizon, double discountRate) {
		checkHorizon(horizon);
		checkDiscountRate(discountRate);
		double value = 0;
		double factor = 1;
		double before = 0;
		for (int period = 1; period <= horizon; period++) {
			double until = model.expectedPurchases(period, x, tx, T);
			factor /= 1 + discountRate;
			value += (until - before) * factor;
			before = until;
		}
		return value;
	}

	static void checkHorizon(int horizon) {
		if (horizon < 1 || horizon > MAX_HORIZON) {
			throw new InvalidField("horizon", "analytics.clv.horizonOutOfRange",
					"The horizon is 1 to {0} periods, not {1}", MAX_HORIZON, horizon);
		}
	}

	static void checkDiscountRate(double discountRate) {
		if (!(discountRate >= 0 && discountRate < 1)) {
			throw new InvalidField("discountRate", "analytics.clv.discountRateOutOfRange",
					"The discount rate per period is at least 0 and below 1, not {0}", discountRate);
		}
	}
}
