package org.rapport.analytics.internal.churn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.rapport.shared.InvalidField;

/**
 * Compares the churn algorithms by stratified k-fold cross-validation, fits the one to keep on all rows and scores
 * rows with it, all in a pool of its own so that the threads that answer requests keep the common pool (Smile's
 * parallel streams run in the pool whose task starts them).
 */
public final class ChurnModels implements AutoCloseable {

	/** The request parameter that names the number of folds. */
	public static final String FOLDS = "folds";

	/** The folds of a comparison unless a request asks for others. */
	public static final int DEFAULT_FOLDS = 5;

	/** The most folds: beyond, a comparison takes long and tells no more. */
	public static final int MAX_FOLDS = 20;

	/** The most points of a ROC curve, enough for a chart. */
	public static final int ROC_POINTS = 200;

	/** The probability from which a row counts as predicted to churn. */
	public static final double THRESHOLD = 0.5;

	private static final AtomicInteger POOLS = new AtomicInteger();

	private final ForkJoinPool pool;

	/** Models that fit on a pool of {@code parallelism} threads of their own. */
	public ChurnModels(int parallelism) {
		if (parallelism < 1) {
			throw new IllegalArgumentException("A pool needs at least one thread: " + parallelism);
		}
		String prefix = "churn-" + POOLS.incrementAndGet() + "-";
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ForkJoinPool(parallelism, forkJoinPool -> {
			ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(forkJoinPool);
			thread.setName(prefix + threads.incrementAndGet());
			return thread;
		}, null, false);
	}

	/**
	 * Compares algorithms on a table by stratified k-fold cross-validation with the seed's shuffle: each fold's
	 * model learns its preparation and fit from the other folds and scores the fold.
	 */
	public Evaluation evaluate(ChurnTable table, List<Algorithm> algorithms, int folds, long seed) {
		if (algorithms == null || algorithms.isEmpty()) {
			throw new InvalidField(Algorithm.FIELD, "analytics.churn.noAlgorithm", "Choose at least one algorithm");
		}
		if (folds < 2 || folds > MAX_FOLDS) {
			throw new InvalidField(FOLDS, "analytics.churn.foldsOutOfRange", "Choose 2 to " + MAX_FOLDS + " folds", 2,
					MAX_FOLDS);
		}
		if (folds > table.rows()) {
			throw new InvalidField(FOLDS, "analytics.churn.fewerRowsThanFolds",
					folds + " folds need at least " + folds + " rows; there are " + table.rows(), folds, table.rows());
		}
		int[] labels = table.labels();
		int[] fold = StratifiedFolds.assign(labels, folds, seed);
		List<Algorithm> asked = List.copyOf(algorithms);
		double[][] scores = new double[asked.size()][labels.length];
		List<ForkJoinTask<?>> tasks = new ArrayList<>();
		for (int a = 0; a < asked.size(); a++) {
			Algorithm algorithm = asked.get(a);
			double[] heldOutScores = scores[a];
			for (int f = 0; f < folds; f++) {
				int which = f;
				tasks.add(ForkJoinTask.adapt(() -> {
					int[] training = StratifiedFolds.rows(fold, which, false);
					int[] heldOut = StratifiedFolds.rows(fold, which, true);
					Fitted fitted = fit(table, training, algorithm, foldSeed(seed, which));
					// each task writes its own rows of the array; invokeAll's join publishes them
					for (int row : heldOut) {
						heldOutScores[row] = fitted.probability(table.values()[row]);
					}
				}));
			}
		}
		runInPool(() -> ForkJoinTask.invokeAll(tasks));
		List<AlgorithmResult> results = new ArrayList<>();
		for (int a = 0; a < asked.size(); a++) {
			results.add(result(asked.get(a), scores[a], labels, fold, folds));
		}
		return new Evaluation(table.rows(), table.churned(), folds, table.imputation(), table.noChurnAccuracy(),
				results);
	}

	/** Each fold's own seed, so that forests of different folds draw differently. */
	private static long foldSeed(long seed, int fold) {
		return seed + 0x9E3779B97F4A7C15L * (fold + 1);
	}

	private static AlgorithmResult result(Algorithm algorithm, double[] scores, int[] labels, int[] fold, int folds) {
		// the mean of the folds' AUCs, as cross-validation reports it; the pooled scores' when a fold lacks a kind
		double sum = 0;
		boolean everyFold = true;
		for (int f = 0; f < folds && everyFold; f++) {
			int[] rows = StratifiedFolds.rows(fold, f, true);
			double[] foldScores = new double[rows.length];
			int[] foldLabels = new int[rows.length];
			for (int r = 0; r < rows.length; r++) {
				foldScores[r] = scores[rows[r]];
				foldLabels[r] = labels[rows[r]];
			}
			double auc = Roc.auc(foldScores, foldLabels);
			everyFold = !Double.isNaN(auc);
			sum += auc;
		}
		double auc = everyFold ? sum / folds : Roc.auc(scores, labels);
		int truePositives = 0;
		int falsePositives = 0;
		int falseNegatives = 0;
		int correct = 0;
		for (int i = 0; i < scores.length; i++) {
			boolean predicted = scores[i] >= THRESHOLD;
			boolean churned = labels[i] == 1;
			if (predicted == churned) {
				correct++;
			}
			if (predicted && churned) {
				truePositives++;
			}
			else if (predicted) {
				falsePositives++;
			}
			else if (churned) {
				falseNegatives++;
			}
		}
		double precision = truePositives + falsePositives == 0 ? 0
				: (double) truePositives / (truePositives + falsePositives);
		double recall = (double) truePositives / (truePositives + falseNegatives);
		return new AlgorithmResult(algorithm, auc, (double) correct / scores.length, precision, recall,
				Roc.curve(scores, labels, ROC_POINTS));
	}

	/** Fits an algorithm on all rows of a table, to keep and to score with. */
	public ChurnModel fit(ChurnTable table, Algorithm algorithm, long seed) {
		int[] all = new int[table.rows()];
		for (int i = 0; i < all.length; i++) {
			all[i] = i;
		}
		return inPool(() -> {
			Fitted fitted = fit(table, all, algorithm, seed);
			return new ChurnModel(algorithm, table.encoding(), fitted.preparation(), fitted.scorer(),
					Background.of(table.encoding(), table.values(), all));
		});
	}

	/** Fits the algorithm with the best AUC of a comparison on all rows of its table. */
	public ChurnModel fitBest(ChurnTable table, Evaluation evaluation, long seed) {
		return fit(table, evaluation.best().algorithm(), seed);
	}

	/** Scores many rows of features with a model, in parallel in the pool. */
	public double[] score(ChurnModel model, double[][] rows) {
		double[] probabilities = new double[rows.length];
		if (rows.length == 0) {
			return probabilities;
		}
		// the first row binds Smile's formula to the row schema before the threads share it
		probabilities[0] = model.probability(rows[0]);
		runInPool(() -> IntStream.range(1, rows.length)
			.parallel()
			.forEach(i -> probabilities[i] = model.probability(rows[i])));
		return probabilities;
	}

	/** A preparation and a model learnt from some rows of a table. */
	private record Fitted(Preparation preparation, Learners.Scorer scorer) {

		double probability(double[] row) {
			return scorer.probability(preparation.apply(row));
		}
	}

	private static Fitted fit(ChurnTable table, int[] rows, Algorithm algorithm, long seed) {
		Encoding encoding = table.encoding();
		double[][] values = table.values();
		Preparation preparation = Preparation.fit(encoding.numericFeatures(), values, rows,
				algorithm == Algorithm.LOGISTIC);
		double[][] x = new double[rows.length][];
		int[] y = new int[rows.length];
		for (int r = 0; r < rows.length; r++) {
			x[r] = preparation.apply(values[rows[r]]);
			y[r] = table.labels()[rows[r]];
		}
		return new Fitted(preparation, Learners.fit(algorithm, x, y, seed));
	}

	private <T> T inPool(Callable<T> work) {
		return pool.submit(work).join();
	}

	private void runInPool(Runnable work) {
		pool.submit(work).join();
	}

	/** Stops the pool's threads once their work is done. */
	@Override
	public void close() {
		pool.shutdown();
	}
}
