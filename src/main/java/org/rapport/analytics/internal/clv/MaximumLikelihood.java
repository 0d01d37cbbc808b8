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

	/** Parameters beyond e^±LIMIT count as run off: the data do not hold them to a finite value. */
	static final double LIMIT = 20;

	/** The likelihood is not evaluated beyond e^±2·LIMIT, where its terms under- or overflow. */
	private static final double OUT_OF_REACH = 2 * LIMIT;

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
	static Estimate maximise(String model, String[] names, LogLikelihood likelihood, double[]... starts) {
		ObjectiveFunction objective = new ObjectiveFunction(logs -> {
			double[] parameters = new double[logs.length];
			for (int i = 0; i < logs.length; i++) {
				if (!(Math.abs(logs[i]) <= OUT_OF_REACH)) {
					return Double.POSITIVE_INFINITY;
				}
				parameters[i] = Math.exp(logs[i]);
			}
			double value = likelihood.at(parameters);
			return Double.isNaN(value) ? Double.POSITIVE_INFINITY : -value;
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
			if (Math.abs(logs[i]) > LIMIT) {
				throw logs[i] > 0
						? new InvalidField("file", "analytics.clv.parameterToInfinity",
								"The {0} model cannot be fitted to these purchases: its parameter {1} grows without bound",
								model, names[i])
						: new InvalidField("file", "analytics.clv.parameterToZero",
								"The {0} model cannot be fitted to these purchases: its parameter {1} shrinks to zero",
								model, names[i]);
			}
		}
		return new Estimate(Arrays.stream(logs).map(Math::exp).toArray(), -best.getValue());
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
