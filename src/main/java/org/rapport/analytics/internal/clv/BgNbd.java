package org.rapport.analytics.internal.clv;

import static org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter.scale;
import static org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter.shape;

import java.util.List;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;
import org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter;
import org.rapport.shared.InvalidField;

/**
 * The BG/NBD model of repeat purchases (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while
 * alive a customer buys at a rate that is gamma(r, alpha) across customers, and after each purchase drops out with a
 * probability that is beta(a, b) across customers. Rates are per period of the summaries it was fitted to.
 */
public record BgNbd(double r, double alpha, double a, double b, double logLikelihood) {

	/** The model's name in messages. */
	public static final String NAME = "BG/NBD";

	private static final Parameter[] PARAMETERS = { shape("r"), scale("alpha"), shape("a"), shape("b") };

	public BgNbd {
		Positive.check(NAME, PARAMETERS, r, alpha, a, b);
	}

	/** The model of the largest likelihood for these customers, from several starting points. */
	public static BgNbd fit(List<RepeatSummary> summaries) {
		return fit(summaries, 0);
	}

	/**
	 * The model as {@link #fit(List)} finds it, with the weak prior of the given strength on its parameters (see
	 * {@code MaximumLikelihood}), for data that leave a parameter unbounded.
	 */
	public static BgNbd fit(List<RepeatSummary> summaries, double penalty) {
		RepeatData data = RepeatData.of(summaries).checkFittable();
		// the mean rate of purchase over the customers' ages puts alpha on the scale of the periods
		double perPeriod = Math.max(data.repeatPurchases(), 1) / (data.meanAge() * data.customers);
		MaximumLikelihood.Estimate estimate = MaximumLikelihood.maximise(NAME, PARAMETERS, new Likelihood(data), penalty,
				new double[] { 1, 1 / perPeriod, 1, 1 }, new double[] { 0.5, 0.25 / perPeriod, 0.5, 2 },
				new double[] { 1, 1, 1, 1 });
		double[] p = estimate.parameters();
		return new BgNbd(p[0], p[1], p[2], p[3], estimate.logLikelihood());
	}

	/** The log-likelihood of these parameters for the customers. */
	public double logLikelihoodOf(List<RepeatSummary> summaries) {
		return new Likelihood(RepeatData.of(summaries)).at(new double[] { r, alpha, a, b });
	}

	/** The purchases that a customer who first bought t periods ago is expected to have made again since. */
	public double expectedPurchases(double t) {
		Positive.checkTime(t);
		if (t == 0) {
			return 0;
		}
		double z = t / (alpha + t);
		return (a + b - 1) / (a - 1) * oneMinusScaled2F1(r, b, a + b - 1, z, r * Math.log1p(-z), t);
	}

	/** The purchases that a customer of this history is expected to make in the next t periods. */
	public double expectedPurchases(double t, int x, double tx, double T) {
		Positive.checkTime(t);
		if (t == 0) {
			return 0;
		}
		double z = t / (alpha + T + t);
		double bracket = oneMinusScaled2F1(r + x, b + x, a + b + x - 1, z, (r + x) * Math.log1p(-z), t);
		return (a + b + x - 1) / (a - 1) * bracket * probabilityAlive(x, tx, T);
	}

	/** The probability that a customer of this history has not dropped out by the end of the calibration. */
	public double probabilityAlive(int x, double tx, double T) {
		if (x == 0) {
			// a customer drops out only right after a purchase, and the first one does not count
			return 1;
		}
		double w = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
		return w > 0 ? Math.exp(-w) / (1 + Math.exp(-w)) : 1 / (1 + Math.exp(w));
	}

	/** 1 - (1 - z)^k 2F1(p, q; c; z), given log (1 - z)^k, in log space where the terms allow. */
	private static double oneMinusScaled2F1(double p, double q, double c, double z, double logFactor, double t) {
		double result;
		if (c > 0) {
			result = -Math.expm1(Hypergeometric.log2F1(p, q, c, z) + logFactor);
		}
		else {
			result = 1 - Math.exp(logFactor) * Hypergeometric.value(p, q, c, z);
		}
		if (Double.isNaN(result)) {
			throw new InvalidField("horizon", "analytics.clv.horizonTooLong",
					"A horizon of {0} periods is too long to predict from the histories of these customers", t);
		}
		return result;
	}

	/**
	 * The log-likelihood of the customers, computed once per distinct x, tx and T where it depends on one of them
	 * alone; its arrays are reused from one evaluation to the next.
	 */
	private static final class Likelihood implements MaximumLikelihood.LogLikelihood {

		private final RepeatData data;

		/** Per distinct x: log Γ(r+x)/Γ(r) + r log alpha, log B(a, b+x)/B(a, b), log B(a+1, b+x-1)/B(a, b). */
		private final double[] common;

		private final double[] alive;

		private final double[] dropped;

		/** log(alpha + T) and log(alpha + tx) per distinct T and tx. */
		private final double[] logAlphaT;

		private final double[] logAlphaTx;

		Likelihood(RepeatData data) {
			this.data = data;
			common = new double[data.xValues.length];
			alive = new double[data.xValues.length];
			dropped = new double[data.xValues.length];
			logAlphaT = new double[data.tValues.length];
			logAlphaTx = new double[data.txValues.length];
		}

		@Override
		public double at(double[] parameters) {
			double r = parameters[0];
			double alpha = parameters[1];
			double a = parameters[2];
			double b = parameters[3];
			double logGammaR = Gamma.logGamma(r);
			double logBetaAB = Beta.logBeta(a, b);
			double rLogAlpha = r * Math.log(alpha);
			int[] xValues = data.xValues;
			for (int k = 0; k < xValues.length; k++) {
				int x = xValues[k];
				common[k] = Gamma.logGamma(r + x) - logGammaR + rLogAlpha;
				alive[k] = Beta.logBeta(a, b + x) - logBetaAB;
				dropped[k] = x > 0 ? Beta.logBeta(a + 1, b + x - 1) - logBetaAB : Double.NEGATIVE_INFINITY;
			}
			for (int k = 0; k < logAlphaT.length; k++) {
				logAlphaT[k] = Math.log(alpha + data.tValues[k]);
			}
			for (int k = 0; k < logAlphaTx.length; k++) {
				logAlphaTx[k] = Math.log(alpha + data.txValues[k]);
			}
			int[] xs = data.x;
			int[] xIndex = data.xIndex;
			int[] tIndex = data.tIndex;
			int[] txIndex = data.txIndex;
			double[] weight = data.weight;
			double sum = 0;
			for (int row = 0; row < data.rows; row++) {
				int k = xIndex[row];
				double rx = r + xs[row];
				double stillAlive = alive[k] - rx * logAlphaT[tIndex[row]];
				double logLikelihood;
				if (xs[row] == 0) {
					logLikelihood = stillAlive;
				}
				else {
					// log(e^u + e^v) without overflow: the larger plus the log of one plus the other's share
					double droppedOut = dropped[k] - rx * logAlphaTx[txIndex[row]];
					double larger = Math.max(stillAlive, droppedOut);
					logLikelihood = larger + Math.log1p(Math.exp(-Math.abs(stillAlive - droppedOut)));
				}
				sum += weight[row] * (common[k] + logLikelihood);
			}
			return sum;
		}
	}
}
