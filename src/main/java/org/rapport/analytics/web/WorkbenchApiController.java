package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.rapport.analytics.internal.AnalyticsProperties;
import org.rapport.analytics.internal.UploadedTable;
import org.rapport.analytics.internal.Workbench;
import org.rapport.analytics.internal.Workbench.ClvRequest;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics on your data", description = "The lifetime-value, segmentation, churn and recommendation models "
		+ "run on an uploaded CSV file without touching the CRM's records; for administrators and analysts. Each takes "
		+ "`multipart/form-data`: a CSV file in UTF-8 with a header line, separated by commas, semicolons or tabs, and "
		+ "the names of the columns to use. A missing column, a text where a number is due or an empty file answers "
		+ "422 naming the field at fault and the line.")
class WorkbenchApiController {

	private final Workbench workbench;
	private final CurrentActor currentActor;
	private final AnalyticsProperties properties;

	WorkbenchApiController(Workbench workbench, CurrentActor currentActor, AnalyticsProperties properties) {
		this.workbench = workbench;
		this.currentActor = currentActor;
		this.properties = properties;
	}

	@PostMapping(path = "/clv/fit", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Fit the lifetime-value models to transactions", description = "BG/NBD (Fader, Hardie & Lee "
			+ "2005) and Pareto/NBD for the number of repeat purchases and Gamma-Gamma for the spend, fitted by maximum "
			+ "likelihood to the transactions up to the calibration end (purchases of one customer on one day are one "
			+ "purchase of their summed amount). Each customer's predictions come from BG/NBD: expected purchases in the "
			+ "horizon, the probability of being alive at the calibration end, the expected spend per purchase and the "
			+ "value = expected purchases in each period, discounted, times the spend. Transactions after the "
			+ "calibration end are the holdout: `tracking` compares the purchases they hold with what the model expected.")
	ClvFitResource fitClv(@RequestPart("file") MultipartFile file,
			@Parameter(description = "The column naming the customer") @RequestParam String customerColumn,
			@Parameter(description = "The column with the date of the transaction") @RequestParam String dateColumn,
			@Parameter(description = "The column with the amount (a number of 0 or more, with a decimal point)")
			@RequestParam String amountColumn,
			@Parameter(description = "How the dates are written, as a java.time.format.DateTimeFormatter pattern")
			@RequestParam(defaultValue = "yyyy-MM-dd") String dateFormat,
			@Parameter(description = "The last day (ISO date) whose transactions are fitted; the last transaction's day when left out")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationEnd,
			@Parameter(description = "day or week: the period that the recency, the age, the horizon and the discount rate count in")
			@RequestParam(defaultValue = "week") String periodUnit,
			@Parameter(description = "How many periods ahead to predict, 1 to 520") @RequestParam(defaultValue = "39") int horizon,
			@Parameter(description = "The discount rate per period (0.01 is 1 %), at least 0 and below 1")
			@RequestParam(defaultValue = "0") double discountRate) throws IOException {
		UploadedTable table = read("file", file);
		return ClvFitResource.of(workbench.fitClv(currentActor.get(), table, new ClvRequest(customerColumn, dateColumn,
				amountColumn, dateFormat, calibrationEnd, periodUnit, horizon, discountRate)));
	}

	@PostMapping(path = "/segments/evaluate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Segment the rows of a file", description = "Clusters the rows by the chosen numeric columns, "
			+ "scaled as asked: K-Means (the best of several seeded restarts; without k, the k of the best silhouette "
			+ "from kMin to kMax), hierarchical agglomerative clustering (Ward, complete or average linkage, cut at k; "
			+ "up to 10,000 rows) or DBSCAN (eps in the scaled units; minSamples counts the point itself, as "
			+ "scikit-learn does). Answers each row's cluster (−1 for DBSCAN's noise), the clusters' sizes and "
			+ "profiles (feature means and standard deviations in the file's units) and the silhouette (exact up to "
			+ "10,000 rows, on a seeded sample of 10,000 above; noise left out); K-Means without k adds the silhouette "
			+ "of each k tried, hierarchical clustering the last merges of the dendrogram, DBSCAN the k-distance curve "
			+ "that helps choose eps.")
	SegmentationResource segment(@RequestPart("file") MultipartFile file,
			@Parameter(description = "The numeric columns to cluster by, separated by commas") @RequestParam String features,
			@Parameter(description = "kmeans, hierarchical or dbscan") @RequestParam(defaultValue = "kmeans") String algorithm,
			@Parameter(description = "The number of clusters (K-Means and hierarchical; hierarchical 5 when left out)")
			@RequestParam(required = false) Integer k,
			@Parameter(description = "K-Means without k: the smallest k to try (2 when left out)") @RequestParam(required = false) Integer kMin,
			@Parameter(description = "K-Means without k: the largest k to try (10 when left out)") @RequestParam(required = false) Integer kMax,
			@Parameter(description = "Hierarchical: ward, complete or average") @RequestParam(defaultValue = "ward") String linkage,
			@Parameter(description = "DBSCAN: the radius of a neighbourhood, in the scaled units") @RequestParam(required = false) Double eps,
			@Parameter(description = "DBSCAN: the rows within eps, the point itself included, that make a core point")
			@RequestParam(defaultValue = "5") int minSamples,
			@Parameter(description = "Whether to put each feature on z-scores first") @RequestParam(defaultValue = "true") boolean standardize,
			@Parameter(description = "standardize, log (log(1 + x), then z-scores, for skewed amounts) or none; overrides standardize")
			@RequestParam(required = false) String scaling,
			@Parameter(description = "K-Means: how many seeded restarts, the best kept") @RequestParam(defaultValue = "10") int restarts,
			@Parameter(description = "The seed of the random choices") @RequestParam(defaultValue = "42") long seed)
			throws IOException {
		UploadedTable table = read("file", file);
		return SegmentationResource.of(workbench.segment(currentActor.get(), table, new Workbench.SegmentRequest(
				features, algorithm, k, kMin, kMax, linkage, eps, minSamples, standardize, scaling, restarts, seed)));
	}

	@PostMapping(path = "/churn/evaluate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Compare churn models on a file", description = "Each row is a customer and the target column "
			+ "says whether they churned (the value `positive` means churn). Columns whose values are all numbers are "
			+ "features as they are; other columns are one-hot encoded (a column of more than 100 different texts is "
			+ "refused: name it `idColumn`); blank numbers take the median of their column in the training rows, as "
			+ "`imputation` says. Logistic regression (standardised on the training rows), a depth-limited tree, a "
			+ "random forest and gradient-boosted trees are compared by stratified k-fold cross-validation: AUC "
			+ "(the mean over the folds) and, at a probability of 0.5 over all held-out rows, accuracy, precision and "
			+ "recall, with the ROC curve. `noChurnAccuracy` is what always predicting no churn would reach.")
	ChurnResource evaluateChurn(@RequestPart("file") MultipartFile file,
			@Parameter(description = "The column that says whether the customer churned") @RequestParam String target,
			@Parameter(description = "The target's value that means churn, such as Yes") @RequestParam String positive,
			@Parameter(description = "A column that names the customer, left out of the features") @RequestParam(required = false) String idColumn,
			@Parameter(description = "Comma-separated: logistic, tree, forest, gbt; all four when left out")
			@RequestParam(required = false) String algorithms,
			@Parameter(description = "How many folds, 2 to 20") @RequestParam(defaultValue = "5") int folds,
			@Parameter(description = "The seed of the folds and the forests") @RequestParam(defaultValue = "42") long seed)
			throws IOException {
		var evaluation = workbench.evaluateChurn(currentActor.get(), read("file", file), target, positive, idColumn,
				algorithms, folds, seed).evaluation();
		return new ChurnResource(evaluation.rows(), evaluation.churned(), evaluation.folds(), evaluation.imputation(),
				evaluation.noChurnAccuracy(), evaluation.best().algorithm().key(),
				evaluation.results().stream()
					.map(result -> new ChurnResultResource(result.algorithm().key(), result.auc(), result.accuracy(),
							result.precision(), result.recall(), result.roc()))
					.toList());
	}

	@PostMapping(path = "/recommendations/evaluate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Evaluate the recommendations on interactions", description = "Implicit feedback: each row of "
			+ "the training and the test file says that a user has an item (a purchase, a rating); a pair given twice "
			+ "counts once. The item-based model fitted to the training file (cosine similarity over users whose rows "
			+ "are scaled to unit length, each item's neighbours normalised; 200 neighbours per item) recommends k "
			+ "items each user of both files does not have yet; precision at k is the share of them in the user's test "
			+ "items, recall at k the share of the user's test items among them, both averaged over those users. "
			+ "`baselines` gives the same for the standard item-based cosine kNN (50 neighbours) and for the most "
			+ "popular items.")
	RecommendationsResource evaluateRecommendations(@RequestPart("train") MultipartFile train,
			@RequestPart("test") MultipartFile test,
			@Parameter(description = "The column naming the user") @RequestParam String userColumn,
			@Parameter(description = "The column naming the item") @RequestParam String itemColumn,
			@Parameter(description = "How many items to recommend to each user, 1 to 100") @RequestParam(defaultValue = "10") int k)
			throws IOException {
		Workbench.RecommendationResult result = workbench.evaluateRecommendations(currentActor.get(),
				read("train", train), read("test", test), userColumn, itemColumn, k);
		return new RecommendationsResource(result.model().users(), result.k(), result.model().precisionAtK(),
				result.model().recallAtK(), result.trainUsers(), result.trainItems(), result.trainInteractions(),
				java.util.Map.of("cosine", result.cosine(), "mostPopular", result.mostPopular()));
	}

	private UploadedTable read(String field, MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidField(field, "analytics.upload.empty", "The file is empty");
		}
		// refused before the file is read
		Workbench.check(currentActor.get());
		try (InputStream content = file.getInputStream()) {
			return UploadedTable.read(field, content, properties.maxUploadRows());
		}
	}

	/** A fit of the lifetime-value models, as the API answers it. */
	record ClvFitResource(int customers, LocalDate calibrationEnd, String periodUnit, int horizon, double discountRate,
			BgNbdResource bgnbd, ParetoNbdResource paretoNbd, GammaGammaResource gammaGamma,
			List<TrackingResource> tracking, List<PredictionResource> predictions) {

		static ClvFitResource of(Workbench.ClvResult result) {
			var fit = result.fit();
			return new ClvFitResource(fit.customers(), result.calibrationEnd(),
					result.unit().name().toLowerCase(java.util.Locale.ROOT), result.horizon(), result.discountRate(),
					new BgNbdResource(fit.bgnbd().r(), fit.bgnbd().alpha(), fit.bgnbd().a(), fit.bgnbd().b(),
							fit.bgnbd().logLikelihood()),
					new ParetoNbdResource(fit.paretoNbd().r(), fit.paretoNbd().alpha(), fit.paretoNbd().s(),
							fit.paretoNbd().beta(), fit.paretoNbd().logLikelihood()),
					new GammaGammaResource(fit.gammaGamma().p(), fit.gammaGamma().q(), fit.gammaGamma().v(),
							fit.gammaGamma().logLikelihood()),
					result.tracking().stream()
						.map(point -> new TrackingResource(point.period(), point.actualPurchases(),
								point.expectedPurchases()))
						.toList(),
					fit.predictions().stream()
						.map(value -> new PredictionResource(value.customer(), value.expectedPurchases(),
								value.probabilityAlive(), value.expectedSpend(), value.clv()))
						.toList());
		}
	}

	/** BG/NBD's parameters: r and alpha of the purchase rates' gamma, a and b of the dropout probabilities' beta. */
	record BgNbdResource(double r, double alpha, double a, double b, double logLikelihood) {
	}

	/** Pareto/NBD's parameters: r and alpha of the purchase rates' gamma, s and beta of the dropout rates'. */
	record ParetoNbdResource(double r, double alpha, double s, double beta, double logLikelihood) {
	}

	/** Gamma-Gamma's parameters of the spend per purchase, fitted to the customers with repeat purchases. */
	record GammaGammaResource(double p, double q, double v, double logLikelihood) {
	}

	/**
	 * The calibration/holdout check, {@code period} periods after the calibration end: the repeat purchases of all
	 * customers so far, and what the model expected.
	 */
	record TrackingResource(int period, long actualPurchases, double expectedPurchases) {
	}

	/** One customer's prediction over the horizon. */
	record PredictionResource(String customer, double expectedPurchases, double probabilityAlive,
			double expectedSpend, double clv) {
	}

	/** A segmentation as the API answers it. */
	record SegmentationResource(int rows, String algorithm, java.util.Map<String, Object> parameters,
			List<String> features, int[] labels, int clusters, int noise, int[] sizes, Double silhouette,
			List<ProfileResource> profiles, List<KScoreResource> kScores, DendrogramResource dendrogram,
			KDistanceResource kDistance) {

		static SegmentationResource of(Workbench.SegmentResult result) {
			var segmentation = result.segmentation();
			List<String> names = segmentation.features();
			List<ProfileResource> profiles = segmentation.profiles().stream().map(profile -> {
				java.util.Map<String, Double> means = new java.util.LinkedHashMap<>();
				java.util.Map<String, Double> spreads = new java.util.LinkedHashMap<>();
				for (int f = 0; f < names.size(); f++) {
					means.put(names.get(f), profile.means()[f]);
					spreads.put(names.get(f), profile.standardDeviations()[f]);
				}
				return new ProfileResource(profile.cluster(), profile.size(), means, spreads);
			}).toList();
			return new SegmentationResource(segmentation.labels().length, segmentation.algorithm(),
					segmentation.parameters(), names, segmentation.labels(), segmentation.clusters(),
					segmentation.noise(), segmentation.sizes(), segmentation.silhouette(), profiles,
					result.kScores() == null ? null : result.kScores().stream()
						.map(score -> new KScoreResource(score.k(), score.silhouette(), score.withinSumOfSquares()))
						.toList(),
					result.dendrogram() == null ? null : new DendrogramResource(result.dendrogram().points(),
							result.dendrogram().merges().stream()
								.map(merge -> new MergeResource(merge.id(), merge.left(), merge.leftSize(),
										merge.right(), merge.rightSize(), merge.height(), merge.size()))
								.toList()),
					result.kDistance() == null ? null
							: new KDistanceResource(result.kDistance().k(), result.kDistance().distances()));
		}
	}

	/** A cluster's size and its features' means and standard deviations, in the file's units. */
	record ProfileResource(int cluster, int size, java.util.Map<String, Double> means,
			java.util.Map<String, Double> standardDeviations) {
	}

	/** The silhouette and the within-cluster sum of squares of one k that K-Means tried. */
	record KScoreResource(int k, Double silhouette, double withinSumOfSquares) {
	}

	/**
	 * The last merges of the hierarchical clustering's tree: rows are numbered 0 to points − 1, and each merge makes
	 * the cluster of the next number.
	 */
	record DendrogramResource(int points, List<MergeResource> merges) {
	}

	/** One merge of the dendrogram: the two clusters, their sizes, the height and the size of the new one. */
	record MergeResource(int id, int left, int leftSize, int right, int rightSize, double height, int size) {
	}

	/** Each row's distance to its k-th nearest other row, largest first, thinned to at most 200 points. */
	record KDistanceResource(int k, double[] distances) {
	}

	/** An evaluation of the recommendations, with the baselines' figures beside the model's. */
	record RecommendationsResource(int users, int k, double precisionAtK, double recallAtK, int trainUsers,
			int trainItems, int trainInteractions,
			java.util.Map<String, org.rapport.analytics.internal.recommend.RankingQuality> baselines) {
	}

	/** A comparison of the churn models as the API answers it. */
	record ChurnResource(int rows, int churned, int folds, String imputation, double noChurnAccuracy, String best,
			List<ChurnResultResource> results) {
	}

	/** One algorithm's cross-validated figures and its ROC curve (at most 200 points). */
	record ChurnResultResource(String algorithm, double auc, double accuracy, double precision, double recall,
			List<org.rapport.analytics.internal.churn.RocPoint> roc) {
	}
}
