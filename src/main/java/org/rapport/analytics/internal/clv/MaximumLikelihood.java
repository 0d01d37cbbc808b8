package org.rapport.analytics.internal.clv;

import java.util.Arrays;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.rapport.shared.InvalidField;

/**
 * Maximises a log-likelihood of positive parameters over their logarithms with Nelder-Mead: a rough search from
 * each of several starting points, then the best of them restarted from where it stopped until a restart no longer
 * improves it.
 * <p>
 * Nelder-Mead only compares values, so a likelihood that cannot be evaluated somewhere (a series that does not
 * converge, an overflow) simply loses there; it may also stop early on a flat stretch, which the restarts catch.
 */
final class MaximumLikelihood {

	/** A log-likelihood of the parameters themselves, not of their logarithms; NaN where it cannot be evaluated. */
	interface LogLikelihood {

		double at(double[] parameters);
	}

	/** The parameters found and their log-likelihood. */
	record Estimate(double[] parameters, double logLikelihood) {
	}

	/**
	 * A parameter and how far its logarithm may go before it counts as run off, which is what a likelihood without
	 * a finite maximum looks like: the search stops somewhere along the ridge, beyond all plausible values.
	 */
	record Parameter(String name, double limit) {

		/**
		 * A shape: beyond e^±10 (22,026 or 1/22,026) the gamma or beta distribution is a point or nothing, all
		 * customers alike or none like another.
		 */
		static Parameter shape(String name) {
			return new Parameter(name, 10);
		}

		/** A scale, in periods or in money, which their units may make large or small. */
		static Parameter scale(String name) {
			return new Parameter(name, 20);
		}
	}

	/** The likelihood is not evaluated beyond e^±40, where its terms under- or overflow. */
	private static final double OUT_OF_REACH = 40;

	private static final int MAX_EVALUATIONS = 20_000;

	private static final int MAX_RESTARTS = 10;

	/** A restart that improves the log-likelihood by less than this ends the search. */
	private static final double IMPROVEMENT = 1e-7;

	/** Where a rough search stops: the basin is found, its bottom not yet. */
	private static final SimpleValueChecker ROUGH = new SimpleValueChecker(1e-8, 1e-6);

	private static final SimpleValueChecker FINE = new SimpleValueChecker(1e-12, 1e-10);

	private MaximumLikelihood() {
	}

	/** The best estimate from the starting points, refused with the model's name when none converges to one. */
	static Estimate maximise(String model, Parameter[] parameters, LogLikelihood likelihood, double[]... starts) {
		return maximise(model, parameters, likelihood, 0, starts);
	}

	/**
	 * The best estimate as {@link #maximise(String, Parameter[], LogLikelihood, double[]...)} finds it, the
	 * log-likelihood less {@code penalty} times the sum of the squared logarithms of each parameter over its value in
	 * the first starting point (which the models put on the scale of the data): a weak prior that holds a parameter
	 * the data do not hold, one that would grow without bound or shrink to zero, near that scale. The estimate's
	 * log-likelihood is the likelihood's own, without the penalty.
	 */
	static Estimate maximise(String model, Parameter[] parameters, LogLikelihood likelihood, double penalty,
			double[]... starts) {
		double[] centre = Arrays.stream(starts[0]).map(Math::log).toArray();
		ObjectiveFunction objective = new ObjectiveFunction(logs -> {
			double[] values = new double[logs.length];
			for (int i = 0; i < logs.length; i++) {
				if (!(Math.abs(logs[i]) <= OUT_OF_REACH)) {
					return Double.POSITIVE_INFINITY;
				}
				values[i] = Math.exp(logs[i]);
			}
			double value = likelihood.at(values);
			double prior = 0;
			for (int i = 0; penalty > 0 && i < logs.length; i++) {
				prior += penalty * (logs[i] - centre[i]) * (logs[i] - centre[i]);
			}
			return Double.isNaN(value) ? Double.POSITIVE_INFINITY : -value + prior;
		});
		// a rough search from every start finds the best basin; only its best point is searched to the end
		PointValuePair best = null;
		for (double[] start : starts) {
			double[] logs = Arrays.stream(start).map(Math::log).toArray();
			try {
				PointValuePair found = simplex(objective, logs, 0.5, ROUGH);
				if (best == null || found.getValue() < best.getValue()) {
					best = found;
				}
			}
			catch (TooManyEvaluationsException tooMany) {
				// another starting point may still converge
			}
		}
		try {
			best = best == null ? null : polish(objective, best);
		}
		catch (TooManyEvaluationsException tooMany) {
			best = null;
		}
		if (best == null || !Double.isFinite(best.getValue())) {
			throw new InvalidField("file", "analytics.clv.notConverged",
					"The {0} model cannot be fitted to these purchases: its likelihood settles on no maximum", model);
		}
		double[] logs = best.getPoint();
		for (int i = 0; i < logs.length; i++) {
			if (Math.abs(logs[i]) > parameters[i].limit()) {
				throw logs[i] > 0
						? new InvalidField("file", "analytics.clv.parameterToInfinity",
								"The {0} model cannot be fitted to these purchases: its parameter {1} grows without bound",
								model, parameters[i].name())
						: new InvalidField("file", "analytics.clv.parameterToZero",
								"The {0} model cannot be fitted to these purchases: its parameter {1} shrinks to zero",
								model, parameters[i].name());
			}
		}
		double[] found = Arrays.stream(logs).map(Math::exp).toArray();
		return new Estimate(found, penalty == 0 ? -best.getValue() : likelihood.at(found));
	}

	/** Restarts Nelder-Mead from the best point until a restart no longer improves it. */
	private static PointValuePair polish(ObjectiveFunction objective, PointValuePair rough) {
		PointValuePair found = rough;
		for (int restart = 0; restart < MAX_RESTARTS; restart++) {
			PointValuePair again = simplex(objective, found.getPoint(), 0.1, FINE);
			boolean improved = again.getValue() < found.getValue() - IMPROVEMENT;
			if (again.getValue() < found.getValue()) {
				found = again;
			}
			if (!improved) {
				return found;
			}
		}
		throw new TooManyEvaluationsException(MAX_RESTARTS);
	}

	/** One Nelder-Mead search from a simplex of the given side around the start, on its own evaluation budget. */
	private static PointValuePair simplex(ObjectiveFunction objective, double[] start, double side,
			SimpleValueChecker checker) {
		return new SimplexOptimizer(checker).optimize(new MaxEval(MAX_EVALUATIONS),
				objective, GoalType.MINIMIZE, new InitialGuess(start), new NelderMeadSimplex(start.length, side));
	}
}
