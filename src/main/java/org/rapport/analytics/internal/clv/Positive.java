package org.rapport.analytics.internal.clv;

/** Checks of the parameters of the fitted models and of the times asked of them. */
final class Positive {

	private Positive() {
	}

	/** Refuses parameters that are not positive finite numbers, naming them. */
	static void check(String model, MaximumLikelihood.Parameter[] names, double... parameters) {
		for (int i = 0; i < parameters.length; i++) {
			if (!(parameters[i] > 0) || Double.isInfinite(parameters[i])) {
				throw new IllegalArgumentException(
						model + " needs a positive " + names[i].name() + ", not " + parameters[i]);
			}
		}
	}

	/** Refuses a time that is not zero or more periods. */
	static void checkTime(double t) {
		if (!(t >= 0) || Double.isInfinite(t)) {
			throw new IllegalArgumentException("A time is zero or more periods, not " + t);
		}
	}
}
