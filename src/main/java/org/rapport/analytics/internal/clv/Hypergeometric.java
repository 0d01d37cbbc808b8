package org.rapport.analytics.internal.clv;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1 by its power series, summed until the rest of the
 * series is below the rounding error of the sum.
 */
final class Hypergeometric {

	/** Enough for z up to about 0.9998 with moderate parameters; beyond, the series answers NaN. */
	static final int MAX_TERMS = 200_000;

	private static final double EPSILON = 1e-16;

	/** Sums are rescaled by this factor before they overflow, the scale kept as a logarithm. */
	private static final double RESCALE = 1e-250;

	private static final double LOG_RESCALE = Math.log(RESCALE);

	private Hypergeometric() {
	}

	/**
	 * The logarithm of 2F1(a, b; c; z) for a, b, c > 0 and 0 <= z < 1, where every term is positive; NaN where the
	 * series does not converge within {@link #MAX_TERMS} terms.
	 */
	static double log2F1(double a, double b, double c, double z) {
		return log2F1(a, b, c, z, MAX_TERMS);
	}

	/**
	 * The logarithm of 2F1 as {@link #log2F1(double, double, double, double)} gives it, NaN where the series needs more
	 * than {@code maxTerms} terms: a likelihood evaluated many times over takes such a point as one it cannot reach.
	 */
	static double log2F1(double a, double b, double c, double z, int maxTerms) {
		if (!(a > 0 && b > 0 && c > 0 && z >= 0 && z < 1)) {
			throw new IllegalArgumentException("2F1 wants a, b, c > 0 and 0 <= z < 1: " + a + ", " + b + ", " + c + ", " + z);
		}
		double term = 1;
		double sum = 1;
		double logScale = 0;
		for (int n = 0; n < maxTerms; n++) {
			double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
			term *= ratio;
			sum += term;
			if (sum > 1e250) {
				// large parameters (a customer with hundreds of purchases) make the sum overflow a double
				term *= RESCALE;
				sum *= RESCALE;
				logScale -= LOG_RESCALE;
			}
			if (converged(term, sum, ratio, z)) {
				return logScale + Math.log(sum);
			}
		}
		return Double.NaN;
	}

	/**
	 * 2F1(a, b; c; z) for 0 <= z < 1 and any c that is not zero or a negative integer, where terms may change sign;
	 * NaN where the series does not converge.
	 */
	static double value(double a, double b, double c, double z) {
		if (!(z >= 0 && z < 1) || (c <= 0 && c == Math.rint(c))) {
			throw new IllegalArgumentException("2F1 wants 0 <= z < 1 and c not 0, -1, -2, ...: " + c + ", " + z);
		}
		double term = 1;
		double sum = 1;
		for (int n = 0; n < MAX_TERMS; n++) {
			double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
			term *= ratio;
			sum += term;
			if (!Double.isFinite(sum)) {
				return Double.NaN;
			}
			if (converged(Math.abs(term), Math.abs(sum), Math.abs(ratio), z)) {
				return sum;
			}
		}
		return Double.NaN;
	}

	/**
	 * Whether the rest of the series is negligible: the ratio of the terms tends to z, so once it is below 1 the rest
	 * is at most a geometric series of the larger of the two.
	 */
	private static boolean converged(double term, double sum, double ratio, double z) {
		double bound = Math.max(ratio, z);
		return bound < 1 && term * bound <= EPSILON * sum * (1 - bound);
	}
}
