package org.rapport.analytics.internal.churn;

import java.io.Serial;
import java.io.Serializable;
import java.util.SplittableRandom;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.RandomForest;
import smile.classification.Classifier;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.regression.RegressionTree;

/**
 * The four learners on Smile 3.1.1, with the sizes that keep a 5-fold comparison on some thousand rows within
 * seconds. Each takes prepared rows (filled, and standardised for logistic regression) with 0/1 labels and gives a
 * {@link Scorer}, a serialisable model of the probability of churn.
 */
final class Learners {

	/** Smile's ridge penalty on the coefficients; some is needed, as a text's levels always add up to 1. */
	static final double LOGISTIC_LAMBDA = 0.1;

	static final double LOGISTIC_TOLERANCE = 1e-5;

	static final int LOGISTIC_ITERATIONS = 500;

	/** Smile counts the root as depth 1, so 6 is scikit-learn's depth 5. */
	static final int TREE_DEPTH = 6;

	static final int TREE_LEAVES = 32;

	/** A node of fewer rows is not split; on Telco 50 does a little better than 5 or 20. */
	static final int TREE_NODE_SIZE = 50;

	/** On Telco 60 trees reach the AUC of 100 within 0.001 in little more than half the time. */
	static final int FOREST_TREES = 60;

	static final int FOREST_DEPTH = 12;

	static final int FOREST_NODE_SIZE = 20;

	/**
	 * A quarter of the features are tried at each split, rather than Smile's square root: one-hot columns carry
	 * little each, and on Telco the forest's AUC rises from 0.843 to 0.844.
	 */
	static final int FOREST_SHARE_TRIED = 4;

	static final int BOOSTING_TREES = 60;

	static final int BOOSTING_LEAVES = 4;

	static final double BOOSTING_SHRINKAGE = 0.15;

	/**
	 * Smile draws the rows of each boosting round from a thread's random numbers, which another fit that the same
	 * pool thread runs meanwhile would move on; with every row in every round a fit is the same on every run.
	 */
	static final double BOOSTING_SUBSAMPLE = 1.0;

	private static final String LABEL = "churned";

	private Learners() {
	}

	/** A model of the probability of churn on prepared rows. */
	interface Scorer extends Serializable {

		/** The probability that a prepared row churns. */
		double probability(double[] row);

		/** The model's own importance of each feature: impurity decrease for trees, |coefficient| for logistic. */
		double[] importance();
	}

	/** Fits an algorithm on prepared rows with 0/1 labels, seeding what is random. */
	static Scorer fit(Algorithm algorithm, double[][] x, int[] y, long seed) {
		return switch (algorithm) {
			case LOGISTIC -> new Logistic(LogisticRegression.binomial(x, y, LOGISTIC_LAMBDA, LOGISTIC_TOLERANCE,
					LOGISTIC_ITERATIONS));
			case TREE -> new Tree(RegressionTree.fit(Formula.lhs(LABEL), frame(x, DoubleVector.of(LABEL, toDouble(y))),
					TREE_DEPTH, TREE_LEAVES, TREE_NODE_SIZE), x[0].length);
			case FOREST -> new Ensemble(RandomForest.fit(Formula.lhs(LABEL), frame(x, IntVector.of(LABEL, y)), FOREST_TREES,
					Math.max(1, x[0].length / FOREST_SHARE_TRIED), SplitRule.GINI, FOREST_DEPTH, x.length / 5,
					FOREST_NODE_SIZE, 1.0, null,
					// Smile seeds a tree only with a value above 1, and wants them distinct
					new SplittableRandom(seed).longs(2, Long.MAX_VALUE)), x[0].length);
			case GBT -> {
				MathEx.setSeed(seed);
				yield new Ensemble(GradientTreeBoost.fit(Formula.lhs(LABEL), frame(x, IntVector.of(LABEL, y)),
						BOOSTING_TREES, 20, BOOSTING_LEAVES, 5, BOOSTING_SHRINKAGE, BOOSTING_SUBSAMPLE), x[0].length);
			}
		};
	}

	private static DataFrame frame(double[][] x, smile.data.vector.BaseVector<?, ?, ?> label) {
		return DataFrame.of(x, names(x[0].length)).merge(label);
	}

	private static String[] names(int width) {
		String[] names = new String[width];
		for (int j = 0; j < width; j++) {
			names[j] = "x" + j;
		}
		return names;
	}

	private static double[] toDouble(int[] y) {
		double[] values = new double[y.length];
		for (int i = 0; i < y.length; i++) {
			values[i] = y[i];
		}
		return values;
	}

	/** Logistic regression: the sigmoid of the coefficients times the standardised row. */
	static final class Logistic implements Scorer {

		@Serial
		private static final long serialVersionUID = 1L;

		private final LogisticRegression.Binomial model;

		Logistic(LogisticRegression.Binomial model) {
			this.model = model;
		}

		@Override
		public double probability(double[] row) {
			return model.score(row);
		}

		/** The coefficients on the standardised features, the intercept left out. */
		double[] coefficients() {
			double[] w = model.coefficients();
			return java.util.Arrays.copyOf(w, w.length - 1);
		}

		/** |coefficient| on a standardised feature, which is |coefficient| × sd on the feature as it was. */
		@Override
		public double[] importance() {
			double[] importance = coefficients();
			for (int j = 0; j < importance.length; j++) {
				importance[j] = Math.abs(importance[j]);
			}
			return importance;
		}
	}

	/** A Smile model that reads rows as tuples of the columns {@code x0, x1, ...}. */
	abstract static class OnTuples implements Scorer {

		@Serial
		private static final long serialVersionUID = 1L;

		private final int width;

		/**
		 * One schema for every row: Smile's formula keeps its binding while the schema is the same object, and
		 * binds anew (slowly, and not safely from several threads) for another.
		 */
		private transient volatile StructType schema;

		OnTuples(int width) {
			this.width = width;
		}

		Tuple tuple(double[] row) {
			StructType current = schema;
			if (current == null) {
				StructField[] fields = new StructField[width];
				String[] names = names(width);
				for (int j = 0; j < width; j++) {
					fields[j] = new StructField(names[j], DataTypes.DoubleType);
				}
				current = DataTypes.struct(fields);
				schema = current;
			}
			return Tuple.of(row, current);
		}
	}

	/** One regression tree on the 0/1 target: a leaf's mean is the share of churned training rows in it. */
	static final class Tree extends OnTuples {

		@Serial
		private static final long serialVersionUID = 1L;

		private final RegressionTree model;

		Tree(RegressionTree model, int width) {
			super(width);
			this.model = model;
		}

		@Override
		public double probability(double[] row) {
			return Math.min(1, Math.max(0, model.predict(tuple(row))));
		}

		@Override
		public double[] importance() {
			return model.importance().clone();
		}
	}

	/**
	 * An ensemble of trees that gives class probabilities: a random forest (the trees' votes, weighted as Smile weighs
	 * them) or gradient-boosted trees on the logistic loss; with the ensemble's own importance of each feature.
	 */
	static final class Ensemble extends OnTuples {

		@Serial
		private static final long serialVersionUID = 1L;

		private final Classifier<Tuple> model;

		private final double[] importance;

		Ensemble(RandomForest model, int width) {
			this(model, model.importance(), width);
		}

		Ensemble(GradientTreeBoost model, int width) {
			this(model, model.importance(), width);
		}

		private Ensemble(Classifier<Tuple> model, double[] importance, int width) {
			super(width);
			this.model = model;
			this.importance = importance.clone();
		}

		@Override
		public double probability(double[] row) {
			double[] posteriori = new double[2];
			model.predict(tuple(row), posteriori);
			return posteriori[1];
		}

		@Override
		public double[] importance() {
			return importance.clone();
		}
	}
}
