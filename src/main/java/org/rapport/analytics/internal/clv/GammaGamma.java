package org.rapport.analytics.internal.clv;

import static org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter.scale;
import static org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter.shape;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter;
import org.rapport.shared.InvalidField;

/**
 * The Gamma-Gamma model of spend (Fader, Hardie and Lee 2005, "RFM and CLV"; Fader and Hardie's note "The
 * Gamma-Gamma Model of Monetary Value"): a customer's spends are gamma(p, nu), nu is gamma(q, v) across customers,
 * and spend does not depend on how often a customer buys. It is fitted to the customers who bought again for a
 * positive amount.
 */
public record GammaGamma(double p, double q, double v, double logLikelihood) {

	/** The model's name in messages. */
	public static final String NAME = "Gamma-Gamma";

	/** The fewest repeat buyers with a positive spend that the model is fitted to. */
	public static final int MIN_BUYERS = 3;

	private static final Parameter[] PARAMETERS = { shape("p"), shape("q"), scale("v") };

	public GammaGamma {
		Positive.check(NAME, PARAMETERS, p, q, v);
	}

	/** The model of the largest likelihood for the repeat buyers of positive spend among these customers. */
	public static GammaGamma fit(List<RepeatSummary> summaries) {
		return fit(summaries, 0);
	}

	/**
	 * The model as {@link #fit(List)} finds it, with the weak prior of the given strength on its parameters (see
	 * {@code MaximumLikelihood}), for data that leave a parameter unbounded.
	 */
	public static GammaGamma fit(List<RepeatSummary> summaries, double penalty) {
		Likelihood likelihood = new Likelihood(summaries);
		if (likelihood.buyers < MIN_BUYERS) {
			throw new InvalidField("file", "analytics.clv.tooFewRepeatBuyers",
					"The spend model needs at least {0} customers who bought again for more than nothing, not {1}",
					MIN_BUYERS, likelihood.buyers);
		}
		double mean = likelihood.meanSpend();
		// both starts have the observed mean spend as their mean, p v / (q - 1)
		MaximumLikelihood.Estimate estimate = MaximumLikelihood.maximise(NAME, PARAMETERS, likelihood, penalty,
				new double[] { 1, 2, mean }, new double[] { 5, 3, 0.4 * mean }, new double[] { 1, 1, 1 });
		double[] found = estimate.parameters();
		return new GammaGamma(found[0], found[1], found[2], estimate.logLikelihood());
	}

	/** The log-likelihood of these parameters for the repeat buyers of positive spend among the customers. */
	public double logLikelihoodOf(List<RepeatSummary> summaries) {
		return new Likelihood(summaries).at(new double[] { p, q, v });
	}

	/**
	 * The mean spend to expect of a customer's future purchases given x repeat purchases of mean spend zbar; a
	 * customer without a repeat purchase of positive spend gets the mean of all customers.
	 */
	public double expectedSpend(int x, double zbar) {
		if (x <= 0 || !(zbar > 0)) {
			return meanSpend();
		}
		return p * (v + x * zbar) / (p * x + q - 1);
	}

	/** The mean spend across customers, p v / (q - 1), which is finite only where q > 1. */
	public double meanSpend() {
		if (q <= 1) {
			throw new InvalidField("file", "analytics.clv.noMeanSpend",
					"Spend varies so widely that the spend model has no mean (q = {0} is not above 1)", q);
		}
		return p * v / (q - 1);
	}

	/** The log-likelihood of the repeat buyers' mean spends, with what depends on x alone computed once per x. */
	private static final class Likelihood implements MaximumLikelihood.LogLikelihood {

		final int buyers;

		private final int[] x;

		private final double[] logZbar;

		/** x · zbar, the total spend of the repeat purchases. */
		private final double[] total;

		private final int[] xValues;

		private final int[] xIndex;

		private final double[] perX;

		Likelihood(List<RepeatSummary> summaries) {
			List<RepeatSummary> buying = summaries.stream().filter(s -> s.x() > 0 && s.zbar() > 0).toList();
			buyers = buying.size();
			x = new int[buyers];
			logZbar = new double[buyers];
			total = new double[buyers];
			for (int i = 0; i < buyers; i++) {
				RepeatSummary summary = buying.get(i);
				x[i] = summary.x();
				logZbar[i] = Math.log(summary.zbar());
				total[i] = summary.x() * summary.zbar();
			}
			xValues = Arrays.stream(x).distinct().sorted().toArray();
			xIndex = Arrays.stream(x).map(value -> Arrays.binarySearch(xValues, value)).toArray();
			perX = new double[xValues.length];
		}

		double meanSpend() {
			double sum = 0;
			for (double value : logZbar) {
				sum += Math.exp(value);
			}
			return sum / buyers;
		}

		@Override
		public double at(double[] parameters) {
			double p = parameters[0];
			double q = parameters[1];
			double v = parameters[2];
			for (int k = 0; k < xValues.length; k++) {
				double px = p * xValues[k];
				perX[k] = Gamma.logGamma(px + q) - Gamma.logGamma(px) + px * Math.log(xValues[k]);
			}
			double sum = buyers * (q * Math.log(v) - Gamma.logGamma(q));
			for (int i = 0; i < buyers; i++) {
				double px = p * x[i];
				sum += perX[xIndex[i]] + (px - 1) * logZbar[i] - (px + q) * Math.log(v + total[i]);
			}
			return sum;
		}
	}
}
