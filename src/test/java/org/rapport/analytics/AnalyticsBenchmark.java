package org.rapport.analytics;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.rapport.analytics.internal.churn.Algorithm;
import org.rapport.analytics.internal.churn.AlgorithmResult;
import org.rapport.analytics.internal.churn.ChurnModel;
import org.rapport.analytics.internal.churn.ChurnModels;
import org.rapport.analytics.internal.churn.ChurnTable;
import org.rapport.analytics.internal.churn.Telco;
import org.rapport.analytics.internal.churn.Evaluation;
import org.rapport.analytics.internal.clv.BgNbd;
import org.rapport.analytics.internal.clv.GammaGamma;
import org.rapport.analytics.internal.clv.PeriodUnit;
import org.rapport.analytics.internal.clv.Purchase;
import org.rapport.analytics.internal.clv.RepeatSummaries;
import org.rapport.analytics.internal.clv.RepeatSummary;
import org.rapport.analytics.internal.recommend.Interactions;
import org.rapport.analytics.internal.recommend.ItemBasedRecommender;
import org.rapport.analytics.internal.segments.Features;
import org.rapport.analytics.internal.segments.FitRunner;
import org.rapport.analytics.internal.segments.KMeansClustering;
import org.rapport.analytics.internal.segments.Scaling;
import org.rapport.analytics.internal.segments.Segmentation;
import org.slf4j.LoggerFactory;

/**
 * The analytics benchmark (run by {@code scripts/analytics-benchmark.sh}, not by the test suite): generates seeded
 * data, writes it as CSV files into the folder given as the first argument for the Python side
 * ({@code scripts/lib/analytics_bench.py}), and times Rapport's own analytics code on it, one line per scenario:
 * {@code BENCH scenario=clv-25k seconds=1.234 detail="..."}.
 * <p>
 * Arguments: the output folder, then optionally the scenarios to run (all by default): {@code clv-25k clv-1m
 * kmeans-1m churn-telco recommendations-100k scoring-1m}. Sizes, for trying it small (system properties):
 * {@code bench.clvSmall} (25,000), {@code bench.clvLarge} (1,000,000), {@code bench.kmeansRows} (1,000,000),
 * {@code bench.recUsers} (100,000), {@code bench.recLines} (1,000,000), {@code bench.recItems} (3,000),
 * {@code bench.scoringRows} (1,000,000), {@code bench.parallelism} (the processors), {@code bench.seed} (42).
 */
public final class AnalyticsBenchmark {

	/** BG/NBD parameters of the CDNOW sample (Fader, Hardie and Lee 2005), per week. */
	static final double R = 0.243, ALPHA = 4.414, A = 0.793, B = 2.426;

	/** Gamma-Gamma spend parameters of the CDNOW sample. */
	static final double P = 6.25, Q = 3.74, V = 15.44;

	/** First purchases over the first 12 weeks; the calibration ends 39 weeks after the start. */
	static final int FIRST_DAYS = 12 * 7, CALIBRATION_DAYS = 39 * 7;

	static final LocalDate START = LocalDate.of(1997, 1, 1);

	static final List<String> ALL = List.of("clv-25k", "clv-1m", "kmeans-1m", "churn-telco", "recommendations-100k",
			"scoring-1m");

	private final Path out;

	private final long seed = Long.getLong("bench.seed", 42);

	private final int parallelism = Integer.getInteger("bench.parallelism",
			Runtime.getRuntime().availableProcessors());

	private AnalyticsBenchmark(Path out) {
		this.out = out;
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1) {
			System.err.println("usage: AnalyticsBenchmark OUTPUT_FOLDER [scenario...] (" + String.join(" ", ALL) + ")");
			System.exit(2);
		}
		// Smile logs every tree at INFO
		((Logger) LoggerFactory.getLogger("smile")).setLevel(Level.WARN);
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		Path out = Path.of(args[0]);
		Files.createDirectories(out);
		Set<String> wanted = new LinkedHashSet<>(args.length > 1 ? Arrays.asList(args).subList(1, args.length) : ALL);
		for (String scenario : wanted) {
			if (!ALL.contains(scenario)) {
				System.err.println("unknown scenario " + scenario + " (" + String.join(" ", ALL) + ")");
				System.exit(2);
			}
		}
		AnalyticsBenchmark benchmark = new AnalyticsBenchmark(out);
		for (String scenario : ALL) {
			if (wanted.contains(scenario)) {
				benchmark.run(scenario);
			}
		}
	}

	private void run(String scenario) throws IOException {
		switch (scenario) {
			case "clv-25k" -> clv(scenario, Integer.getInteger("bench.clvSmall", 25_000));
			case "clv-1m" -> clv(scenario, Integer.getInteger("bench.clvLarge", 1_000_000));
			case "kmeans-1m" -> kmeans(scenario, Integer.getInteger("bench.kmeansRows", 1_000_000));
			case "churn-telco" -> churn(scenario);
			case "recommendations-100k" -> recommendations(scenario, Integer.getInteger("bench.recUsers", 100_000),
					Integer.getInteger("bench.recLines", 1_000_000), Integer.getInteger("bench.recItems", 3_000));
			case "scoring-1m" -> scoring(scenario, Integer.getInteger("bench.scoringRows", 1_000_000));
			default -> throw new IllegalArgumentException(scenario);
		}
	}

	private static void report(String scenario, double seconds, String detail) {
		System.out.printf(Locale.ROOT, "BENCH scenario=%s seconds=%.3f detail=\"%s\"%n", scenario, seconds,
				detail.replace('"', '\''));
		System.out.flush();
	}

	private static double since(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	// ---- customer lifetime value -------------------------------------------------------------------------------

	/**
	 * Customers simulated from BG/NBD and Gamma-Gamma: a purchase rate gamma(r, alpha) per week, a drop-out
	 * probability beta(a, b) after each repeat purchase, spends gamma(p, nu) with nu gamma(q, v).
	 */
	private void clv(String scenario, int customers) throws IOException {
		SplittableRandom random = new SplittableRandom(seed + customers);
		List<Purchase> purchases = new ArrayList<>(customers * 2);
		for (int c = 0; c < customers; c++) {
			String customer = String.format(Locale.ROOT, "c%07d", c);
			double lambda = gamma(random, R) / ALPHA;
			double g1 = gamma(random, A);
			double dropOut = g1 / (g1 + gamma(random, B));
			double nu = gamma(random, Q) / V;
			double day = random.nextInt(FIRST_DAYS);
			boolean first = true;
			while (day <= CALIBRATION_DAYS) {
				double spend = Math.max(0.01, Math.round(gamma(random, P) / nu * 100) / 100.0);
				purchases.add(new Purchase(customer, START.plusDays((long) day), spend));
				if (!first && random.nextDouble() < dropOut) {
					break;
				}
				first = false;
				day += -Math.log(1 - random.nextDouble()) / lambda * 7;
			}
		}
		LocalDate calibrationEnd = START.plusDays(CALIBRATION_DAYS);
		long start = System.nanoTime();
		List<RepeatSummary> summaries = RepeatSummaries.of(purchases, calibrationEnd, PeriodUnit.WEEK, 0);
		double summarising = since(start);
		long fitStart = System.nanoTime();
		BgNbd bgnbd = BgNbd.fit(summaries);
		double bgnbdSeconds = since(fitStart);
		long ggStart = System.nanoTime();
		GammaGamma gammaGamma = GammaGamma.fit(summaries);
		double ggSeconds = since(ggStart);
		double seconds = since(start);
		try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(scenario + "-summaries.csv"))) {
			writer.write("x,tx,T,zbar\n");
			for (RepeatSummary s : summaries) {
				writer.write(s.x() + "," + s.tx() + "," + s.T() + "," + s.zbar() + "\n");
			}
		}
		long repeatBuyers = summaries.stream().filter(s -> s.x() > 0 && s.zbar() > 0).count();
		report(scenario, seconds, String.format(Locale.ROOT,
				"%d customers, %d purchases; summaries %.3f s, BG/NBD %.3f s (r %.3f alpha %.3f a %.3f b %.3f, LL %.1f),"
						+ " Gamma-Gamma %.3f s on %d repeat buyers (p %.2f q %.2f v %.2f)",
				summaries.size(), purchases.size(), summarising, bgnbdSeconds, bgnbd.r(), bgnbd.alpha(), bgnbd.a(),
				bgnbd.b(), bgnbd.logLikelihood(), ggSeconds, repeatBuyers, gammaGamma.p(), gammaGamma.q(),
				gammaGamma.v()));
	}

	/** A gamma(shape, 1) variate (Marsaglia and Tsang; shapes below 1 by the boost U^(1/shape)). */
	static double gamma(SplittableRandom random, double shape) {
		if (shape < 1) {
			return gamma(random, shape + 1) * Math.pow(1 - random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double z;
			double v;
			do {
				z = normal(random);
				v = 1 + c * z;
			}
			while (v <= 0);
			v = v * v * v;
			double u = 1 - random.nextDouble();
			if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
				return d * v;
			}
		}
	}

	/** A standard normal variate (Box-Muller, one of the pair). */
	static double normal(SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	// ---- K-Means -----------------------------------------------------------------------------------------------

	/** Rows of 4 features from 5 Gaussian blobs with centres, spreads and feature scales of their own. */
	private void kmeans(String scenario, int rows) throws IOException {
		SplittableRandom random = new SplittableRandom(seed + 1);
		int blobs = 5;
		int d = 4;
		double[] scale = { 1, 10, 100, 1000 };
		double[][] centres = new double[blobs][d];
		double[] spread = new double[blobs];
		for (int b = 0; b < blobs; b++) {
			for (int j = 0; j < d; j++) {
				centres[b][j] = (random.nextDouble() * 20 - 10) * scale[j];
			}
			spread[b] = 1 + random.nextDouble() * 1.5;
		}
		double[][] x = new double[rows][d];
		for (int i = 0; i < rows; i++) {
			int b = random.nextInt(blobs);
			for (int j = 0; j < d; j++) {
				// four decimals, so that the CSV file holds exactly the values measured here
				x[i][j] = Math.round((centres[b][j] + spread[b] * scale[j] * normal(random)) * 1e4) / 1e4;
			}
		}
		try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(scenario + "-rows.csv"))) {
			writer.write("f1,f2,f3,f4\n");
			for (double[] row : x) {
				writer.write(row[0] + "," + row[1] + "," + row[2] + "," + row[3] + "\n");
			}
		}
		try (FitRunner runner = new FitRunner(parallelism)) {
			long start = System.nanoTime();
			Features features = Features.of(List.of("f1", "f2", "f3", "f4"), x, Scaling.STANDARDIZE);
			Segmentation segmentation = runner.run(() -> KMeansClustering.fit(features, 5, 10, 42));
			double seconds = since(start);
			report(scenario, seconds, String.format(Locale.ROOT,
					"%d rows x 4, 5 blobs; k 5, 10 restarts, %d threads; sizes %s; silhouette %.4f (sample of 10,000)",
					rows, parallelism, Arrays.toString(segmentation.sizes()).replace(",", ""),
					segmentation.silhouette() == null ? Double.NaN : segmentation.silhouette()));
		}
	}

	// ---- churn -------------------------------------------------------------------------------------------------

	/** The Telco comparison of churn-telco, which scoring-1m takes over rather than running it again. */
	private ChurnTable telcoTable;

	private Evaluation telcoEvaluation;

	private void churn(String scenario) throws IOException {
		Telco telco = Telco.load();
		try (ChurnModels models = new ChurnModels(parallelism)) {
			long start = System.nanoTime();
			ChurnTable table = telco.table();
			Evaluation evaluation = models.evaluate(table, List.of(Algorithm.values()), 5, 42);
			double seconds = since(start);
			telcoTable = table;
			telcoEvaluation = evaluation;
			StringBuilder aucs = new StringBuilder();
			for (AlgorithmResult result : evaluation.results()) {
				aucs.append(String.format(Locale.ROOT, " %s %.4f;", result.algorithm().key(), result.auc()));
			}
			report(scenario, seconds, String.format(Locale.ROOT, "%d rows, 5 folds, %d threads; AUC%s best %s",
					table.rows(), parallelism, aucs, evaluation.best().algorithm().key()));
		}
	}

	/**
	 * The best model of the Telco comparison fitted on all rows, then scoring Telco rows drawn with replacement
	 * (their numbers written for the Python side), as text rows the way an upload arrives.
	 */
	private void scoring(String scenario, int rows) throws IOException {
		Telco telco = Telco.load();
		SplittableRandom random = new SplittableRandom(seed + 2);
		List<String[]> sample = new ArrayList<>(rows);
		try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(scenario + "-rows.csv"))) {
			writer.write("row\n");
			for (int i = 0; i < rows; i++) {
				int row = random.nextInt(telco.rows().size());
				sample.add(telco.rows().get(row));
				writer.write(row + "\n");
			}
		}
		try (ChurnModels models = new ChurnModels(parallelism)) {
			long fitStart = System.nanoTime();
			if (telcoEvaluation == null) {
				telcoTable = telco.table();
				telcoEvaluation = models.evaluate(telcoTable, List.of(Algorithm.values()), 5, 42);
			}
			ChurnModel model = models.fitBest(telcoTable, telcoEvaluation, 42);
			double fitting = since(fitStart);
			Files.writeString(out.resolve(scenario + "-model.txt"), model.algorithm().key() + "\n");
			long start = System.nanoTime();
			double[] scores = model.score(telco.columns(), sample);
			double seconds = since(start);
			double mean = Arrays.stream(scores).average().orElse(Double.NaN);
			report(scenario, seconds, String.format(Locale.ROOT,
					"%d text rows scored on one thread by the best model, %s (fitted on all Telco rows in %.1f s before);"
							+ " mean probability %.4f",
					rows, model.algorithm().key(), fitting, mean));
		}
	}

	// ---- recommendations ---------------------------------------------------------------------------------------

	/**
	 * Users in taste groups, each group favouring items of its own, every item with a Zipf popularity; baskets of 5
	 * to 15 distinct items, adjusted so that the lines add up to the number asked.
	 */
	private void recommendations(String scenario, int users, int lines, int items) throws IOException {
		SplittableRandom random = new SplittableRandom(seed + 3);
		int groups = 30;
		int favourites = 100;
		double fromGroup = 0.7;
		int[] order = shuffled(items, random);
		double[] popularity = new double[items];
		for (int rank = 0; rank < items; rank++) {
			popularity[order[rank]] = 1 / Math.pow(rank + 1, 0.8);
		}
		int[][] favourite = new int[groups][];
		double[][] favouriteCumulative = new double[groups][];
		for (int g = 0; g < groups; g++) {
			favourite[g] = Arrays.copyOf(shuffled(items, random), Math.min(favourites, items));
			favouriteCumulative[g] = cumulative(favourite[g], popularity);
		}
		int[] everything = new int[items];
		for (int i = 0; i < items; i++) {
			everything[i] = i;
		}
		double[] everythingCumulative = cumulative(everything, popularity);
		int[] basket = new int[users];
		long total = 0;
		for (int u = 0; u < users; u++) {
			basket[u] = 5 + random.nextInt(11);
			total += basket[u];
		}
		while (total != lines) {
			int u = random.nextInt(users);
			if (total < lines && basket[u] < 40) {
				basket[u]++;
				total++;
			}
			else if (total > lines && basket[u] > 1) {
				basket[u]--;
				total--;
			}
		}
		int[] pairUser = new int[lines];
		int[] pairItem = new int[lines];
		int n = 0;
		boolean[] has = new boolean[items];
		int[] chosen = new int[40];
		for (int u = 0; u < users; u++) {
			int group = random.nextInt(groups);
			int count = 0;
			while (count < basket[u]) {
				boolean own = random.nextDouble() < fromGroup;
				int item = draw(own ? favourite[group] : everything,
						own ? favouriteCumulative[group] : everythingCumulative, random);
				if (!has[item]) {
					has[item] = true;
					chosen[count++] = item;
				}
			}
			for (int k = 0; k < count; k++) {
				has[chosen[k]] = false;
				pairUser[n] = u;
				pairItem[n] = chosen[k];
				n++;
			}
		}
		try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(scenario + "-interactions.csv"))) {
			writer.write("user,item\n");
			for (int i = 0; i < n; i++) {
				writer.write(pairUser[i] + "," + pairItem[i] + "\n");
			}
		}
		String[] userNames = new String[users];
		for (int u = 0; u < users; u++) {
			userNames[u] = "user-" + u;
		}
		String[] itemNames = new String[items];
		for (int i = 0; i < items; i++) {
			itemNames[i] = "item-" + i;
		}
		long buildStart = System.nanoTime();
		Interactions.Builder<String, String> builder = Interactions.builder();
		for (int i = 0; i < n; i++) {
			builder.add(userNames[pairUser[i]], itemNames[pairItem[i]]);
		}
		Interactions<String, String> interactions = builder.build();
		double building = since(buildStart);
		long start = System.nanoTime();
		ItemBasedRecommender<String, String> model = ItemBasedRecommender.fit(interactions);
		double fitting = since(start);
		AtomicLong recommended = new AtomicLong();
		long[] served = new long[1];
		model.forEachUser(10, (user, list) -> {
			served[0]++;
			recommended.addAndGet(list.size());
		});
		double seconds = since(start);
		report(scenario, seconds, String.format(Locale.ROOT,
				"%d users, %d lines, %d items (%d taste groups); interactions built %.2f s (not counted); fit %.2f s"
						+ " (%d neighbours per item), 10 for every user %.2f s (one thread): %d recommendations to %d users",
				interactions.userCount(), n, interactions.itemCount(), groups, building, fitting, model.neighbours(),
				seconds - fitting, recommended.get(), served[0]));
	}

	private static int[] shuffled(int n, SplittableRandom random) {
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

	private static double[] cumulative(int[] pool, double[] weight) {
		double[] sums = new double[pool.length];
		double sum = 0;
		for (int k = 0; k < pool.length; k++) {
			sum += weight[pool[k]];
			sums[k] = sum;
		}
		return sums;
	}

	private static int draw(int[] pool, double[] cumulative, SplittableRandom random) {
		double target = random.nextDouble() * cumulative[cumulative.length - 1];
		int k = Arrays.binarySearch(cumulative, target);
		k = k >= 0 ? k : -k - 1;
		return pool[Math.min(k, pool.length - 1)];
	}
}
