package org.rapport.analytics.internal.clv;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the repeat-purchase and spend models to customers' summaries and predicts each customer's value: BG/NBD
 * drives the predictions, Pareto/NBD is fitted beside it for comparison, Gamma-Gamma gives the spend.
 */
public final class ClvModels {

	private ClvModels() {
	}

	/** The three models fitted to the customers, and each customer's prediction over the horizon. */
	public static ClvFit fit(List<RepeatSummary> summaries, int horizon, double discountRate) {
		return fit(summaries, horizon, discountRate, 0);
	}

	/**
	 * The models fitted as {@link #fit(List, int, double)} fits them, with the weak prior of the given strength on
	 * their parameters, for data that leave a parameter unbounded (see {@code MaximumLikelihood}).
	 */
	public static ClvFit fit(List<RepeatSummary> summaries, int horizon, double discountRate, double penalty) {
		Clv.checkHorizon(horizon);
		Clv.checkDiscountRate(discountRate);
		RepeatData data = RepeatData.of(summaries).checkFittable();
		BgNbd bgnbd = BgNbd.fit(summaries, penalty);
		ParetoNbd paretoNbd = ParetoNbd.fit(summaries, penalty);
		GammaGamma gammaGamma = GammaGamma.fit(summaries, penalty);
		// customers of one (x, tx, T) share their purchases; only the spend tells them apart
		double[] expected = new double[data.rows];
		double[] alive = new double[data.rows];
		double[] discounted = new double[data.rows];
		for (int row = 0; row < data.rows; row++) {
			int x = data.x[row];
			expected[row] = bgnbd.expectedPurchases(horizon, x, data.tx[row], data.T[row]);
			alive[row] = bgnbd.probabilityAlive(x, data.tx[row], data.T[row]);
			discounted[row] = Clv.discountedPurchases(bgnbd, x, data.tx[row], data.T[row], horizon, discountRate);
		}
		List<CustomerValue> predictions = new ArrayList<>(summaries.size());
		for (int i = 0; i < summaries.size(); i++) {
			RepeatSummary summary = summaries.get(i);
			int row = data.rowOf[i];
			double spend = gammaGamma.expectedSpend(summary.x(), summary.zbar());
			predictions.add(new CustomerValue(summary.customer(), expected[row], alive[row], spend,
					discounted[row] * spend));
		}
		return new ClvFit(summaries.size(), bgnbd, paretoNbd, gammaGamma, List.copyOf(predictions));
	}

	/** The fitted models and the customers' predictions, in the order of the summaries. */
	public record ClvFit(int customers, BgNbd bgnbd, ParetoNbd paretoNbd, GammaGamma gammaGamma,
			List<CustomerValue> predictions) {
	}

	/**
	 * What the models predict of one customer over the horizon: purchases, the probability of being alive now, the
	 * spend per purchase and the discounted value.
	 */
	public record CustomerValue(String customer, double expectedPurchases, double probabilityAlive,
			double expectedSpend, double clv) {
	}
}
