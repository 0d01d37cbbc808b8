package org.rapport.analytics.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import org.rapport.analytics.internal.churn.Algorithm;
import org.rapport.analytics.internal.churn.ChurnModels;
import org.rapport.analytics.internal.churn.ChurnTable;
import org.rapport.analytics.internal.churn.Evaluation;
import org.rapport.analytics.internal.clv.ClvModels;
import org.rapport.analytics.internal.clv.ClvModels.ClvFit;
import org.rapport.analytics.internal.clv.PeriodUnit;
import org.rapport.analytics.internal.clv.Purchase;
import org.rapport.analytics.internal.clv.RepeatSummaries;
import org.rapport.analytics.internal.clv.RepeatSummaries.TrackingPoint;
import org.rapport.analytics.internal.clv.RepeatSummary;
import org.rapport.analytics.internal.recommend.Interactions;
import org.rapport.analytics.internal.recommend.ItemBasedRecommender;
import org.rapport.analytics.internal.recommend.MostPopular;
import org.rapport.analytics.internal.recommend.RankingEvaluation;
import org.rapport.analytics.internal.recommend.RankingQuality;
import org.rapport.analytics.internal.segments.AgglomerativeClustering;
import org.rapport.analytics.internal.segments.DbscanClustering;
import org.rapport.analytics.internal.segments.Dendrogram;
import org.rapport.analytics.internal.segments.Features;
import org.rapport.analytics.internal.segments.HierarchicalSegmentation;
import org.rapport.analytics.internal.segments.KChoice;
import org.rapport.analytics.internal.segments.KDistanceCurve;
import org.rapport.analytics.internal.segments.KMeansClustering;
import org.rapport.analytics.internal.segments.Scaling;
import org.rapport.analytics.internal.segments.Segmentation;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.springframework.stereotype.Service;

/**
 * The models run on a file someone brought rather than on the CRM's records: administrators and analysts fit the
 * lifetime-value models, segment, compare churn models and evaluate recommendations on their own data, with the
 * same code the CRM's jobs run. The work runs in the analytics pool, never on the request's thread.
 */
@Service
public class Workbench {

	private final AnalyticsPool pool;
	private final ChurnModels churn;

	Workbench(AnalyticsPool pool, ChurnModels churn) {
		this.pool = pool;
		this.churn = churn;
	}

	/** Whether the actor may run the models on uploaded files: administrators and analysts may. */
	public static boolean mayUse(Actor actor) {
		return actor.isAdmin() || actor.roles().contains(Role.ANALYST);
	}

	/** Refuses an actor who may not run the models on uploaded files. */
	public static void check(Actor actor) {
		if (!mayUse(actor)) {
			throw new NotPermitted("analytics.workbench.notPermitted",
					"Only administrators and analysts run the models on uploaded files");
		}
	}

	/**
	 * Fits BG/NBD, Pareto/NBD and Gamma-Gamma to the transactions up to the calibration end and predicts each
	 * customer's purchases, probability of being alive, spend and value over the horizon; transactions after the
	 * calibration end, if any, are the holdout that the fit is checked against.
	 */
	public ClvResult fitClv(Actor actor, UploadedTable file, ClvRequest request) {
		check(actor);
		int customer = file.column("customerColumn", request.customerColumn());
		int date = file.column("dateColumn", request.dateColumn());
		int amount = file.column("amountColumn", request.amountColumn());
		DateTimeFormatter format = dateFormat(request.dateFormat());
		PeriodUnit unit = periodUnit(request.periodUnit());
		int horizon = request.horizon() == null ? 39 : request.horizon();
		if (horizon < 1 || horizon > 520) {
			throw new InvalidField("horizon", "analytics.clv.horizon", "The horizon is 1 to 520 periods");
		}
		double discountRate = request.discountRate() == null ? 0 : request.discountRate();
		if (!(discountRate >= 0 && discountRate < 1)) {
			throw new InvalidField("discountRate", "analytics.clv.discountRate",
					"The discount rate per period is at least 0 and below 1");
		}
		List<Purchase> purchases = new ArrayList<>(file.size());
		LocalDate last = null;
		for (int row = 0; row < file.size(); row++) {
			String[] cells = file.row(row);
			if (cells[customer].isBlank()) {
				throw new InvalidField("customerColumn", "analytics.upload.blank", "Line {0}: column {1} is empty",
						file.line(row), file.columns().get(customer));
			}
			LocalDate day = parseDate(file, row, date, format);
			double spent = file.number(row, amount, "amountColumn");
			if (spent < 0) {
				throw new InvalidField("amountColumn", "analytics.upload.negative",
						"Line {0}: {1} in column {2} is below zero", file.line(row), cells[amount],
						file.columns().get(amount));
			}
			purchases.add(new Purchase(cells[customer], day, spent));
			last = last == null || day.isAfter(last) ? day : last;
		}
		LocalDate calibrationEnd = request.calibrationEnd() == null ? last : request.calibrationEnd();
		LocalDate end = calibrationEnd;
		return pool.run(() -> {
			int holdout = holdoutPeriods(purchases, end, unit);
			List<RepeatSummary> summaries = RepeatSummaries.of(purchases, end, unit, Math.max(holdout, 1));
			if (summaries.isEmpty()) {
				throw new InvalidField("calibrationEnd", "analytics.clv.noneBefore",
						"No transaction falls on or before the calibration end {0}", end);
			}
			ClvFit fit = ClvModels.fit(summaries, horizon, discountRate);
			List<TrackingPoint> tracking = holdout == 0 ? List.of()
					: RepeatSummaries.tracking(purchases, end, unit, holdout, fit.bgnbd());
			return new ClvResult(end, unit, horizon, discountRate, fit, tracking);
		});
	}

	/** The whole periods from the calibration end to the last transaction after it; 0 when none follows it. */
	private static int holdoutPeriods(List<Purchase> purchases, LocalDate calibrationEnd, PeriodUnit unit) {
		LocalDate last = calibrationEnd;
		for (Purchase purchase : purchases) {
			if (purchase.date().isAfter(last)) {
				last = purchase.date();
			}
		}
		long days = java.time.temporal.ChronoUnit.DAYS.between(calibrationEnd, last);
		return days == 0 ? 0 : (int) Math.min(520, Math.ceil(unit.periods(days) - 1e-9));
	}

	private static DateTimeFormatter dateFormat(String pattern) {
		String wanted = pattern == null || pattern.isBlank() ? "yyyy-MM-dd" : pattern.strip();
		try {
			// yyyy is the year of the era, which the strict resolver (no 30 February) wants an era for
			return new java.time.format.DateTimeFormatterBuilder().appendPattern(wanted)
				.parseDefaulting(java.time.temporal.ChronoField.ERA, 1)
				.toFormatter(java.util.Locale.ROOT)
				.withResolverStyle(ResolverStyle.STRICT);
		}
		catch (IllegalArgumentException notAPattern) {
			throw new InvalidField("dateFormat", "analytics.upload.dateFormat",
					"\"{0}\" is not a date pattern such as yyyy-MM-dd", wanted);
		}
	}

	private static LocalDate parseDate(UploadedTable file, int row, int column, DateTimeFormatter format) {
		String cell = file.row(row)[column];
		try {
			return LocalDate.parse(cell, format);
		}
		catch (DateTimeParseException notADate) {
			throw new InvalidField("dateColumn", "analytics.upload.notADate",
					"Line {0}: \"{1}\" in column {2} is not a date as dateFormat writes it", file.line(row), cell,
					file.columns().get(column));
		}
	}

	private static PeriodUnit periodUnit(String name) {
		if (name == null || name.isBlank()) {
			return PeriodUnit.WEEK;
		}
		return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "day", "days" -> PeriodUnit.DAY;
			case "week", "weeks" -> PeriodUnit.WEEK;
			default -> throw new InvalidField("periodUnit", "analytics.clv.periodUnit", "The period is day or week");
		};
	}

	/**
	 * Segments the file's rows by the chosen numeric columns with K-Means (k given, or chosen by the silhouette over a
	 * range), hierarchical clustering or DBSCAN, and describes the clusters.
	 */
	public SegmentResult segment(Actor actor, UploadedTable file, SegmentRequest request) {
		check(actor);
		if (request.features() == null || request.features().isBlank()) {
			throw new InvalidField("features", "analytics.segments.noFeatures", "Choose at least one feature");
		}
		List<String> names = new ArrayList<>();
		List<Integer> columns = new ArrayList<>();
		for (String name : request.features().split(",")) {
			if (!name.isBlank()) {
				columns.add(file.column("features", name));
				names.add(file.columns().get(columns.get(columns.size() - 1)));
			}
		}
		double[][] rows = new double[file.size()][names.size()];
		for (int row = 0; row < file.size(); row++) {
			for (int f = 0; f < columns.size(); f++) {
				rows[row][f] = file.number(row, columns.get(f), "features");
			}
		}
		Scaling scaling = scaling(request.scaling(), request.standardize());
		return pool.run(() -> cluster(Features.of(names, rows, scaling), request, rows));
	}

	/**
	 * Clusters the rows as the request asks: K-Means with k, or with the k of the best silhouette from kMin to kMax
	 * (2 to 10 where not given); hierarchical clustering cut at k (5 where not given); or DBSCAN. Call it in the
	 * analytics pool.
	 */
	static SegmentResult cluster(Features x, SegmentRequest request, double[][] rows) {
		String algorithm = request.algorithm() == null || request.algorithm().isBlank() ? "kmeans"
				: request.algorithm().strip().toLowerCase(java.util.Locale.ROOT);
		long seed = request.seed() == null ? 42 : request.seed();
		return switch (algorithm) {
			case "kmeans" -> {
				int restarts = request.restarts() == null ? KMeansClustering.DEFAULT_RESTARTS : request.restarts();
				if (request.k() != null) {
					yield new SegmentResult(KMeansClustering.fit(x, request.k(), restarts, seed), null, null, null,
							rows);
				}
				int highest = Math.min(10, x.size() - 1);
				int kMin = request.kMin() == null ? Math.min(2, highest) : request.kMin();
				int kMax = request.kMax() == null ? highest : request.kMax();
				KChoice choice = KMeansClustering.chooseK(x, kMin, kMax, restarts, seed);
				yield new SegmentResult(choice.segmentation(), choice.scores(), null, null, rows);
			}
			case "hierarchical" -> {
				HierarchicalSegmentation tree = AgglomerativeClustering.fit(x,
						AgglomerativeClustering.Linkage.parse(request.linkage() == null ? "ward" : request.linkage()),
						request.k() == null ? 5 : request.k());
				yield new SegmentResult(tree.segmentation(), null, tree.dendrogram(), null, rows);
			}
			case "dbscan" -> {
				if (request.eps() == null) {
					throw new InvalidField("eps", "analytics.segments.epsMissing",
							"DBSCAN needs eps, the radius of a neighbourhood in the scaled units");
				}
				int minSamples = request.minSamples() == null ? 5 : request.minSamples();
				Segmentation segmentation = DbscanClustering.fit(x, request.eps(), minSamples);
				KDistanceCurve curve = minSamples > 1 && minSamples - 1 < x.size()
						? DbscanClustering.kDistances(x, minSamples - 1).thinned(200) : null;
				yield new SegmentResult(segmentation, null, null, curve, rows);
			}
			default -> throw new InvalidField("algorithm", "analytics.segments.algorithm",
					"The algorithm is kmeans, hierarchical or dbscan, not {0}", algorithm);
		};
	}

	static Scaling scaling(String name, Boolean standardize) {
		if (name == null || name.isBlank()) {
			return standardize == null || standardize ? Scaling.STANDARDIZE : Scaling.NONE;
		}
		return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "standardize", "standardise", "z" -> Scaling.STANDARDIZE;
			case "log", "log_standardize" -> Scaling.LOG_STANDARDIZE;
			case "none" -> Scaling.NONE;
			default -> throw new InvalidField("scaling", "analytics.segments.scaling",
					"The scaling is standardize, log or none, not {0}", name);
		};
	}

	/** What a segmentation of a file is asked: the features, the algorithm and its parameters. */
	public record SegmentRequest(String features, String algorithm, Integer k, Integer kMin, Integer kMax,
			String linkage, Double eps, Integer minSamples, Boolean standardize, String scaling, Integer restarts,
			Long seed) {
	}

	/**
	 * A segmentation of a file: the clusters, and as the algorithm gives them the silhouette of each k tried, the top
	 * of the dendrogram, or the k-distance curve; with the rows as read, for the chart.
	 */
	public record SegmentResult(Segmentation segmentation, List<KChoice.Score> kScores, Dendrogram dendrogram,
			KDistanceCurve kDistance, double[][] rows) {
	}

	/**
	 * Evaluates the recommendations on interactions of users with items: the model fitted to the training file
	 * recommends k items to each user who is in both files, and precision and recall at k measure them against the
	 * test file; beside it the standard item-based cosine kNN and the most popular items, as baselines.
	 */
	public RecommendationResult evaluateRecommendations(Actor actor, UploadedTable train, UploadedTable test,
			String userColumn, String itemColumn, Integer k) {
		check(actor);
		int at = k == null ? RankingEvaluation.DEFAULT_K : k;
		Interactions<String, String> training = interactions(train, userColumn, itemColumn);
		Interactions<String, String> testing = interactions(test, userColumn, itemColumn);
		return pool.run(() -> new RecommendationResult(at, training.userCount(), training.itemCount(),
				training.size(), RankingEvaluation.evaluate(training, testing, at),
				RankingEvaluation.evaluate(training, testing, at,
						data -> ItemBasedRecommender.cosine(data, COSINE_NEIGHBOURS)),
				RankingEvaluation.evaluate(training, testing, at, MostPopular::fit)));
	}

	/** The neighbours per item of the cosine baseline. */
	static final int COSINE_NEIGHBOURS = 50;

	private static Interactions<String, String> interactions(UploadedTable file, String userColumn,
			String itemColumn) {
		int user = file.column("userColumn", userColumn);
		int item = file.column("itemColumn", itemColumn);
		Interactions.Builder<String, String> interactions = Interactions.builder();
		for (int row = 0; row < file.size(); row++) {
			String[] cells = file.row(row);
			for (int column : new int[] { user, item }) {
				if (cells[column].isBlank()) {
					throw new InvalidField(column == user ? "userColumn" : "itemColumn", "analytics.upload.blank",
							"Line {0}: column {1} is empty", file.line(row), file.columns().get(column));
				}
			}
			interactions.add(cells[user], cells[item]);
		}
		return interactions.build();
	}

	/**
	 * An evaluation of the recommendations at k: the training file's size, and the quality of the model shipped,
	 * of the item-based cosine kNN and of the most popular items.
	 */
	public record RecommendationResult(int k, int trainUsers, int trainItems, int trainInteractions,
			RankingQuality model, RankingQuality cosine, RankingQuality mostPopular) {
	}

	/**
	 * Compares the churn models on the file by stratified k-fold cross-validation: text columns one-hot encoded, blank
	 * numbers imputed by the median of the training rows, the identifier column left out.
	 */
	public ChurnResult evaluateChurn(Actor actor, UploadedTable file, String target, String positive,
			String idColumn, String algorithms, Integer folds, Long seed) {
		check(actor);
		ChurnTable table = ChurnTable.fromText(file.columns(), file.rows(), target, positive,
				idColumn == null || idColumn.isBlank() ? null : idColumn);
		List<Algorithm> chosen = Algorithm.parse(algorithms);
		return new ChurnResult(churn.evaluate(table, chosen, folds == null ? ChurnModels.DEFAULT_FOLDS : folds,
				seed == null ? 42 : seed), table.blankNumbers());
	}

	/** A comparison of the churn models on a file, with the blank numbers of each column that the median filled. */
	public record ChurnResult(Evaluation evaluation, java.util.Map<String, Integer> blankNumbers) {
	}

	/** What a lifetime-value fit on a file is asked: the columns, how dates are written, and the periods. */
	public record ClvRequest(String customerColumn, String dateColumn, String amountColumn, String dateFormat,
			LocalDate calibrationEnd, String periodUnit, Integer horizon, Double discountRate) {
	}

	/**
	 * A lifetime-value fit on a file: the calibration end it used, the models and predictions, and the
	 * calibration/holdout check when transactions follow the calibration end.
	 */
	public record ClvResult(LocalDate calibrationEnd, PeriodUnit unit, int horizon, double discountRate, ClvFit fit,
			List<TrackingPoint> tracking) {
	}
}
