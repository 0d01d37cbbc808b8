package org.rapport.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.rapport.analytics.internal.AnalyticsProperties;
import org.rapport.analytics.internal.UploadedTable;
import org.rapport.analytics.internal.Workbench;
import org.rapport.analytics.internal.Workbench.ClvRequest;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;

/**
 * The workbench pages: the same models as the analytics API, run on a file the user uploads, with their figures and
 * charts; for administrators and analysts.
 */
@Controller
@RequestMapping("/analytics/workbench")
class WorkbenchController {

	/** How many customers the lifetime-value page lists, those of the highest value first. */
	static final int CUSTOMERS_SHOWN = 25;

	private final Workbench workbench;
	private final CurrentActor currentActor;
	private final AnalyticsProperties properties;
	private final WorkbenchCharts charts;
	private final MessageSource messages;

	WorkbenchController(Workbench workbench, CurrentActor currentActor, AnalyticsProperties properties,
			WorkbenchCharts charts, MessageSource messages) {
		this.workbench = workbench;
		this.currentActor = currentActor;
		this.properties = properties;
		this.charts = charts;
		this.messages = messages;
	}

	@GetMapping
	String index() {
		Workbench.check(currentActor.get());
		return "redirect:/analytics/workbench/clv";
	}

	@GetMapping("/clv")
	String clv(Model model) {
		Workbench.check(currentActor.get());
		model.addAttribute("clvForm", ClvForm.initial());
		return "analytics/workbench-clv";
	}

	@PostMapping(path = "/clv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String fitClv(@ModelAttribute("clvForm") ClvForm form, BindingResult errors, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		return run(errors, response, "analytics/workbench-clv", () -> {
			UploadedTable table = read(form.file());
			Workbench.ClvResult result = workbench.fitClv(currentActor.get(), table,
					new ClvRequest(form.customerColumn(), form.dateColumn(), form.amountColumn(), form.dateFormat(),
							form.calibrationEnd(), form.periodUnit(), form.horizon(), form.discountRate()));
			model.addAttribute("result", result);
			model.addAttribute("trackingChart", charts.tracking(result.tracking(), text("workbench.clv.period", locale),
					text("workbench.clv.purchases", locale), text("workbench.clv.actual", locale),
					text("workbench.clv.expected", locale)));
			model.addAttribute("top", result.fit()
				.predictions()
				.stream()
				.sorted(Comparator.comparingDouble(
						(org.rapport.analytics.internal.clv.ClvModels.CustomerValue value) -> value.clv())
					.reversed())
				.limit(CUSTOMERS_SHOWN)
				.toList());
		});
	}

	@GetMapping("/segments")
	String segments(Model model) {
		Workbench.check(currentActor.get());
		model.addAttribute("segmentForm", SegmentForm.initial());
		return "analytics/workbench-segments";
	}

	@PostMapping(path = "/segments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String segment(@ModelAttribute("segmentForm") SegmentForm form, BindingResult errors, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		return run(errors, response, "analytics/workbench-segments", () -> {
			UploadedTable table = read(form.file());
			Workbench.SegmentResult result = workbench.segment(currentActor.get(), table,
					new Workbench.SegmentRequest(form.features(), form.algorithm(), form.k(), null, null,
							form.linkage(), form.eps(), form.minSamples(), null, form.scaling(), null,
							form.seed()));
			model.addAttribute("result", result);
			var segmentation = result.segmentation();
			List<String> features = segmentation.features();
			String cluster = text("workbench.segments.cluster", locale);
			model.addAttribute("scatterChart", charts.scatter(result.rows(), segmentation.labels(),
					segmentation.clusters(), 0, features.size() > 1 ? 1 : 0, cluster,
					text("workbench.segments.noise", locale), features.get(0),
					features.get(features.size() > 1 ? 1 : 0)));
			if (result.kScores() != null) {
				model.addAttribute("kChart", charts.line(result.kScores().stream().map(score -> score.k()).toList(),
						text("workbench.segments.silhouette", locale),
						result.kScores().stream().map(score -> score.silhouette() == null ? 0.0 : score.silhouette())
							.toList(),
						"k", text("workbench.segments.silhouette", locale)));
			}
			if (result.dendrogram() != null) {
				var merges = result.dendrogram().merges();
				List<Integer> clustersLeft = new java.util.ArrayList<>();
				for (int m = 0; m < merges.size(); m++) {
					clustersLeft.add(merges.size() - m + 1);
				}
				model.addAttribute("treeChart", charts.dendrogram(result.dendrogram(),
						text("workbench.segments.tree.leaves", locale),
						text("workbench.segments.mergeHeight", locale)));
				model.addAttribute("mergeChart", charts.line(clustersLeft,
						text("workbench.segments.mergeHeight", locale),
						merges.stream().map(merge -> merge.height()).toList(),
						text("workbench.segments.clustersLeft", locale),
						text("workbench.segments.mergeHeight", locale)));
			}
			if (result.kDistance() != null) {
				double[] distances = result.kDistance().distances();
				List<Integer> positions = new java.util.ArrayList<>();
				List<Double> values = new java.util.ArrayList<>();
				for (int p = 0; p < distances.length; p++) {
					positions.add(p + 1);
					values.add(distances[p]);
				}
				model.addAttribute("kDistanceChart", charts.line(positions,
						text("workbench.segments.kDistance", locale), values,
						text("workbench.segments.kDistance.rows", locale),
						text("workbench.segments.kDistance", locale)));
			}
		});
	}

	@GetMapping("/churn")
	String churn(Model model) {
		Workbench.check(currentActor.get());
		model.addAttribute("churnForm", ChurnForm.initial());
		return "analytics/workbench-churn";
	}

	@PostMapping(path = "/churn", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String evaluateChurn(@ModelAttribute("churnForm") ChurnForm form, BindingResult errors, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		return run(errors, response, "analytics/workbench-churn", () -> {
			var churned = workbench.evaluateChurn(currentActor.get(), read(form.file()), form.target(),
					form.positive(), form.idColumn(),
					form.algorithms() == null ? "" : String.join(",", form.algorithms()), form.folds(), form.seed());
			var evaluation = churned.evaluation();
			model.addAttribute("result", evaluation);
			model.addAttribute("blanks", churned.blankNumbers().entrySet().stream()
				.map(blank -> messages.getMessage("workbench.churn.blankIn",
						new Object[] { blank.getValue(), blank.getKey() }, locale))
				.collect(java.util.stream.Collectors.joining(", ")));
			model.addAttribute("rocChart", charts.roc(evaluation.results(),
					algorithm -> text("workbench.churn." + algorithm.key(), locale),
					text("workbench.churn.falsePositives", locale), text("workbench.churn.truePositives", locale)));
		});
	}

	@GetMapping("/recommendations")
	String recommendations(Model model) {
		Workbench.check(currentActor.get());
		model.addAttribute("recommendationsForm", RecommendationsForm.initial());
		return "analytics/workbench-recommendations";
	}

	@PostMapping(path = "/recommendations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String evaluateRecommendations(@ModelAttribute("recommendationsForm") RecommendationsForm form,
			BindingResult errors, Model model, HttpServletResponse response, Locale locale) throws IOException {
		return run(errors, response, "analytics/workbench-recommendations", () -> {
			Workbench.RecommendationResult result = workbench.evaluateRecommendations(currentActor.get(),
					read("train", form.train()), read("test", form.test()), form.userColumn(), form.itemColumn(),
					form.k());
			model.addAttribute("result", result);
			List<String> models = List.of(text("workbench.recommendations.model", locale),
					text("workbench.recommendations.cosine", locale),
					text("workbench.recommendations.popular", locale));
			model.addAttribute("qualityChart", charts.bars(models,
					List.of(text("workbench.recommendations.precision", locale),
							text("workbench.recommendations.recall", locale)),
					List.of(List.of(result.model().precisionAtK(), result.cosine().precisionAtK(),
							result.mostPopular().precisionAtK()),
							List.of(result.model().recallAtK(), result.cosine().recallAtK(),
									result.mostPopular().recallAtK())),
					"", text("workbench.recommendations.share", locale)));
		});
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private UploadedTable read(MultipartFile file) throws IOException {
		return read("file", file);
	}

	private UploadedTable read(String field, MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidField(field, "analytics.upload.empty", "The file is empty");
		}
		try (InputStream content = file.getInputStream()) {
			return UploadedTable.read(field, content, properties.maxUploadRows());
		}
	}

	/**
	 * Runs the model for the page unless the form's values could not be read; a refusal shows at the field it names
	 * and answers 422, with what the user typed kept.
	 */
	private String run(BindingResult errors, HttpServletResponse response, String template, Work work)
			throws IOException {
		Workbench.check(currentActor.get());
		if (!errors.hasErrors()) {
			try {
				work.run();
			}
			catch (InvalidField invalid) {
				reject(errors, invalid);
			}
		}
		if (errors.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return template;
	}

	/** A run of a model for a page, which may read the uploaded file. */
	@FunctionalInterface
	private interface Work {

		void run() throws IOException;
	}

	/** Shows the refusal at the field it names; the file, which a browser never sends back, at its input. */
	private static void reject(BindingResult errors, InvalidField invalid) {
		errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(), invalid.getDefaultMessage());
	}

	/** The lifetime-value form: the file, its columns and the fit's settings, as the API takes them. */
	record ClvForm(MultipartFile file, String customerColumn, String dateColumn, String amountColumn,
			String dateFormat, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate calibrationEnd,
			String periodUnit, Integer horizon, Double discountRate) {

		static ClvForm initial() {
			return new ClvForm(null, "customer", "date", "amount", "yyyy-MM-dd", null, "week", 39, 0.0);
		}
	}

	/** The segmentation form: the file, the features and the algorithm's parameters, as the API takes them. */
	record SegmentForm(MultipartFile file, String features, String algorithm, Integer k, String linkage, Double eps,
			Integer minSamples, String scaling, Long seed) {

		static SegmentForm initial() {
			return new SegmentForm(null, "", "kmeans", null, "ward", 0.5, 5, "standardize", 42L);
		}
	}

	/** The recommendations form: the training and test files, their columns, and k. */
	record RecommendationsForm(MultipartFile train, MultipartFile test, String userColumn, String itemColumn,
			Integer k) {

		static RecommendationsForm initial() {
			return new RecommendationsForm(null, null, "user", "item", 10);
		}
	}

	/** The churn form: the file, its target and identifier columns, the algorithms, the folds and the seed. */
	record ChurnForm(MultipartFile file, String target, String positive, String idColumn, List<String> algorithms,
			Integer folds, Long seed) {

		static ChurnForm initial() {
			return new ChurnForm(null, "Churn", "Yes", "", List.of("logistic", "tree", "forest", "gbt"), 5, 42L);
		}
	}
}
