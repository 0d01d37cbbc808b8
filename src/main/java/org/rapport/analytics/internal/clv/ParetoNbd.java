package org.rapport.analytics.internal.clv;

import static org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter.scale;
import static org.rapport.analytics.internal.clv.MaximumLikelihood.Parameter.shape;

import java.util.List;
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

	public ParetoNbd {
		Positive.check(NAME, PARAMETERS, r, alpha, s, beta);
	}

	/** The model of the largest likelihood for these customers, from several starting points. */
	public static ParetoNbd fit(List<RepeatSummary> summaries) {
		RepeatData data = RepeatData.of(summaries).checkFittable();
		double perPeriod = Math.max(data.repeatPurchases(), 1) / (data.meanAge() * data.customers);
		double age = data.meanAge();
		MaximumLikelihood.Estimate estimate = MaximumLikelihood.maximise(NAME, PARAMETERS, new Likelihood(data),
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
		double rx = r + x;
		double aliveAtT = -rx * logAlphaT - s * logBetaT;
		if (tx == T) {
			return new double[] { aliveAtT, Double.NEGATIVE_INFINITY };
		}
		double rsx = rx + s;
		double larger = Math.max(alpha, beta);
		double difference = Math.abs(alpha - beta);
		double second = alpha >= beta ? s + 1 : rx;
		double atTx = Hypergeometric.log2F1(rsx, second, rsx + 1, difference / (larger + tx))
				- rsx * Math.log(larger + tx);
		double atT = Hypergeometric.log2F1(rsx, second, rsx + 1, difference / (larger + T)) - rsx * Math.log(larger + T);
		// A0 = e^atTx - e^atT > 0, as the later death is the less likely; rounding may tie them
		double logA0 = atT < atTx ? atTx + Math.log1p(-Math.exp(atT - atTx)) : Double.NEGATIVE_INFINITY;
		return new double[] { aliveAtT, Math.log(s) - Math.log(rsx) + logA0 };
	}

	private static double logSumExp(double u, double v) {
		double larger = Math.max(u, v);
		if (larger == Double.NEGATIVE_INFINITY) {
			return larger;
		}
		return larger + Math.log1p(Math.exp(-Math.abs(u - v)));
	}

	/** The log-likelihood of the customers, with what depends on x or T alone computed once per distinct value. */
	private static final class Likelihood implements MaximumLikelihood.LogLikelihood {

		private final RepeatData data;

		private final double[] common;

		private final double[] logAlphaT;

		private final double[] logBetaT;

		Likelihood(RepeatData data) {
			this.data = data;
			common = new double[data.xValues.length];
			logAlphaT = new double[data.tValues.length];
			logBetaT = new double[data.tValues.length];
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
			}
			for (int k = 0; k < logAlphaT.length; k++) {
				logAlphaT[k] = Math.log(alpha + data.tValues[k]);
				logBetaT[k] = Math.log(beta + data.tValues[k]);
			}
			double sum = 0;
			for (int row = 0; row < data.rows; row++) {
				int t = data.tIndex[row];
				double[] parts = parts(r, alpha, s, beta, data.x[row], logAlphaT[t], logBetaT[t], data.tx[row],
						data.T[row]);
				sum += data.weight[row] * (common[data.xIndex[row]] + logSumExp(parts[0], parts[1]));
			}
			return sum;
		}
	}
}
