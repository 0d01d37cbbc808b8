package org.rapport.analytics.internal.clv;

import static org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter.scale;
import static org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter.shape;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Gamma;
import org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter;

/**
 * The Pareto/NBD model of repeat purchases (Schmittlein, Morrison and Colombo 1987): while alive a customer buys at a
 * rate that is gamma(r, alpha) across customers, and dies after an exponential lifetime whose rate is gamma(s, beta)
 * across customers. The likelihood is that of Fader and Hardie's note "A Note on Deriving the Pareto/NBD Model and
 * Related Expressions" (2005), with its 2F1 taken on the side of the larger of alpha and beta so that its argument
 * stays below 1.
 */
public record ParetoNbd(double r, double alpha, double s, double beta, double logLikelihood) {

	/** The model's name in messages. */
	public static final String NAME = "Pareto/NBD";

	private static final Parameter[] PARAMETERS = { shape("r"), scale("alpha"), shape("s"), scale("beta") };

	/**
	 * The most terms of the hypergeometric series the likelihood sums for one customer: where the fit wanders to
	 * parameters that need more (the series' argument near 1), the likelihood counts as out of reach, which keeps a
	 * fit of data that leave a parameter unbounded from crawling.
	 */
	static final int LIKELIHOOD_TERMS = 2_000;

	public ParetoNbd {
		Positive.check(NAME, PARAMETERS, r, alpha, s, beta);
	}

	/** The model of the largest likelihood for these customers, from several starting points. */
	public static ParetoNbd fit(List<RepeatSummary> summaries) {
		return fit(summaries, 0);
	}

	/**
	 * The model as {@link #fit(List)} finds it, with the weak prior of the given strength on its parameters (see
	 * {@code MaximumLikelihood}), for data that leave a parameter unbounded.
	 */
	public static ParetoNbd fit(List<RepeatSummary> summaries, double penalty) {
		RepeatData data = RepeatData.of(summaries).checkFittable();
		double perPeriod = Math.max(data.repeatPurchases(), 1) / (data.meanAge() * data.customers);
		double age = data.meanAge();
		MaximumLikelihood.Estimate estimate = MaximumLikelihood.maximise(NAME, PARAMETERS, new Likelihood(data), penalty,
				new double[] { 1, 1 / perPeriod, 1, age }, new double[] { 0.5, 0.5 / perPeriod, 0.5, age / 2 },
				new double[] { 1, 1, 1, 1 });
		double[] p = estimate.parameters();
		return new ParetoNbd(p[0], p[1], p[2], p[3], estimate.logLikelihood());
	}

	/** The log-likelihood of these parameters for the customers. */
	public double logLikelihoodOf(List<RepeatSummary> summaries) {
		return new Likelihood(RepeatData.of(summaries)).at(new double[] { r, alpha, s, beta });
	}

	/** The purchases that a customer of this history is expected to make in the next t periods. */
	public double expectedPurchases(double t, int x, double tx, double T) {
		Positive.checkTime(t);
		if (t == 0) {
			return 0;
		}
		double growth = Math.log1p(t / (beta + T));
		double exponent = (s - 1) * growth;
		// (beta + T) / (s - 1) * (1 - ((beta + T) / (beta + T + t))^(s - 1)), which tends to its logarithm as s -> 1
		double lifetime = Math.abs(exponent) < 1e-10 ? (beta + T) * growth
				: (beta + T) * -Math.expm1(-exponent) / (s - 1);
		return (r + x) / (alpha + T) * lifetime * probabilityAlive(x, tx, T);
	}

	/** The probability that a customer of this history is alive at the end of the calibration. */
	public double probabilityAlive(int x, double tx, double T) {
		double[] parts = parts(r, alpha, s, beta, x, Math.log(alpha + T), Math.log(beta + T), tx, T);
		return Math.exp(parts[0] - logSumExp(parts[0], parts[1]));
	}

	/**
	 * The two terms of the likelihood of one customer, as logarithms and without the factor they share: alive at T,
	 * and died between tx and T.
	 */
	private static double[] parts(double r, double alpha, double s, double beta, int x, double logAlphaT,
			double logBetaT, double tx, double T) {
		double aliveAtT = -(r + x) * logAlphaT - s * logBetaT;
		double died = Math.log(s) - Math.log(r + s + x)
				+ logA0(deathTerm(r, alpha, s, beta, x, tx, Hypergeometric.MAX_TERMS),
						deathTerm(r, alpha, s, beta, x, T, Hypergeometric.MAX_TERMS));
		return new double[] { aliveAtT, died };
	}

	/**
	 * log of one of the two terms of A0 in Fader and Hardie's note, 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+t))
	 * / (alpha+t)^(r+s+x) where alpha >= beta, and with alpha and beta, s+1 and r+x swapped where alpha < beta.
	 */
	private static double deathTerm(double r, double alpha, double s, double beta, int x, double t, int maxTerms) {
		double rsx = r + s + x;
		double larger = Math.max(alpha, beta);
		double second = alpha >= beta ? s + 1 : r + x;
		return Hypergeometric.log2F1(rsx, second, rsx + 1, Math.abs(alpha - beta) / (larger + t), maxTerms)
				- rsx * Math.log(larger + t);
	}

	/** log A0 = log(e^atTx - e^atT), which is positive as the later death is the less likely; nothing where tx = T. */
	private static double logA0(double atTx, double atT) {
		return atT < atTx ? atTx + Math.log1p(-Math.exp(atT - atTx)) : Double.NEGATIVE_INFINITY;
	}

	private static double logSumExp(double u, double v) {
		double larger = Math.max(u, v);
		if (larger == Double.NEGATIVE_INFINITY) {
			return larger;
		}
		return larger + Math.log1p(Math.exp(-Math.abs(u - v)));
	}

	/**
	 * The log-likelihood of the customers, with what depends on x or T alone computed once per distinct value, and
	 * each term of A0, the costly part, once per distinct (x, tx) and (x, T).
	 */
	private static final class Likelihood implements MaximumLikelihood.LogLikelihood {

		private final RepeatData data;

		private final double[] common;

		/** log s - log(r + s + x) per distinct x. */
		private final double[] shareOfDeath;

		private final double[] logAlphaT;

		private final double[] logBetaT;

		/** The distinct (x, time) of the terms of A0, and each row's (x, tx) and (x, T) among them. */
		private final int[] pairX;

		private final double[] pairTime;

		private final int[] txPair;

		private final int[] tPair;

		private final double[] deathTerms;

		Likelihood(RepeatData data) {
			this.data = data;
			common = new double[data.xValues.length];
			shareOfDeath = new double[data.xValues.length];
			logAlphaT = new double[data.tValues.length];
			logBetaT = new double[data.tValues.length];
			txPair = new int[data.rows];
			tPair = new int[data.rows];
			Map<List<Double>, Integer> pairs = new HashMap<>();
			for (int row = 0; row < data.rows; row++) {
				txPair[row] = pairs.computeIfAbsent(List.of((double) data.x[row], data.tx[row]), key -> pairs.size());
				tPair[row] = pairs.computeIfAbsent(List.of((double) data.x[row], data.T[row]), key -> pairs.size());
			}
			pairX = new int[pairs.size()];
			pairTime = new double[pairs.size()];
			pairs.forEach((pair, index) -> {
				pairX[index] = pair.get(0).intValue();
				pairTime[index] = pair.get(1);
			});
			deathTerms = new double[pairs.size()];
		}

		@Override
		public double at(double[] parameters) {
			double r = parameters[0];
			double alpha = parameters[1];
			double s = parameters[2];
			double beta = parameters[3];
			double shared = -Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
			for (int k = 0; k < common.length; k++) {
				common[k] = Gamma.logGamma(r + data.xValues[k]) + shared;
				shareOfDeath[k] = Math.log(s) - Math.log(r + s + data.xValues[k]);
			}
			for (int k = 0; k < logAlphaT.length; k++) {
				logAlphaT[k] = Math.log(alpha + data.tValues[k]);
				logBetaT[k] = Math.log(beta + data.tValues[k]);
			}
			for (int pair = 0; pair < deathTerms.length; pair++) {
				deathTerms[pair] = deathTerm(r, alpha, s, beta, pairX[pair], pairTime[pair], LIKELIHOOD_TERMS);
			}
			double sum = 0;
			for (int row = 0; row < data.rows; row++) {
				int t = data.tIndex[row];
				int k = data.xIndex[row];
				double aliveAtT = -(r + data.x[row]) * logAlphaT[t] - s * logBetaT[t];
				double died = shareOfDeath[k] + logA0(deathTerms[txPair[row]], deathTerms[tPair[row]]);
				sum += data.weight[row] * (common[k] + logSumExp(aliveAtT, died));
			}
			return sum;
		}
	}
}
