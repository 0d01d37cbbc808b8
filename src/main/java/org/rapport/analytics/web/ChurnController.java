package org.rapport.analytics.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.analytics.internal.AccountChurn;
import org.rapport.analytics.internal.AccountChurn.AccountRisk;
import org.rapport.analytics.internal.AccountChurn.ChurnSettings;
import org.rapport.analytics.internal.AnalyticsModel;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.rapport.analytics.internal.Workbench;
import org.rapport.analytics.internal.churn.Algorithm;
import org.rapport.analytics.internal.churn.AlgorithmResult;
import org.rapport.analytics.internal.churn.RocPoint;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.rapport.shared.ResultPage;
import org.rapport.web.CsvDownload;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The churn model's pages for analysts and administrators (the last run's comparison of algorithms, its settings and
 * runs; the valuable customers at risk, with their export), and each account's risk on the account's page for whoever
 * sees the account.
 */
@Controller
class ChurnController {

	/** How many runs the page lists. */
	static final int RUNS_SHOWN = 10;

	/** The rows of a page of the list unless it asks for others. */
	static final int PAGE_SIZE = 25;

	private final AccountChurn churn;
	private final AnalyticsRuns runs;
	private final Customers customers;
	private final CurrentActor currentActor;
	private final JsonMapper json;
	private final WorkbenchCharts charts;
	private final MessageSource messages;

	ChurnController(AccountChurn churn, AnalyticsRuns runs, Customers customers, CurrentActor currentActor,
			JsonMapper json, WorkbenchCharts charts, MessageSource messages) {
		this.churn = churn;
		this.runs = runs;
		this.customers = customers;
		this.currentActor = currentActor;
		this.json = json;
		this.charts = charts;
		this.messages = messages;
	}

	@GetMapping("/analytics/accounts/{id}/churn")
	String panel(@PathVariable UUID id, Model model, Locale locale) {
		Actor actor = currentActor.get();
		AccountId account = VisibleAccount.of(customers, actor, id);
		AccountRisk risk = churn.of(account).orElse(null);
		model.addAttribute("risk", risk);
		if (risk != null) {
			model.addAttribute("factors", factors(risk, locale));
		}
		return "analytics/churn-panel :: panel";
	}

	@GetMapping("/analytics/churn")
	String page(Model model, Locale locale) {
		Workbench.check(currentActor.get());
		model.addAttribute("settingsForm", SettingsForm.of(churn.settings()));
		fill(model, locale);
		return "analytics/churn";
	}

	@PostMapping("/analytics/churn/run")
	String run(@ModelAttribute("settingsForm") SettingsForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		if (!errors.hasErrors()) {
			try {
				churn.runNow(actor, ChurnSettings.of(form.windowDays(), form.customFields()));
				redirect.addFlashAttribute("success", "churn.run.queued");
				return "redirect:/analytics/churn";
			}
			catch (InvalidField invalid) {
				errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(),
						invalid.getDefaultMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		fill(model, locale);
		return "analytics/churn";
	}

	@GetMapping("/analytics/churn/at-risk")
	String atRisk(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
			Model model, Locale locale) {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		int chosen = Math.max(1, Math.min(AccountChurn.MAX_PAGE_SIZE, size));
		ResultPage<AccountRisk> result = churn.atRisk(actor, Math.max(0, page), chosen);
		Map<AccountId, String> names = customers.accountNames(result.items().stream().map(AccountRisk::account).toList());
		List<Row> rows = new ArrayList<>();
		for (AccountRisk risk : result.items()) {
			rows.add(new Row(risk, names.getOrDefault(risk.account(), ""), factors(risk, locale)));
		}
		model.addAttribute("result", result);
		model.addAttribute("rows", rows);
		model.addAttribute("last", runs.lastDone(AnalyticsModel.CHURN).orElse(null));
		return "analytics/churn-at-risk";
	}

	@GetMapping("/analytics/churn/at-risk.csv")
	void export(HttpServletResponse response, Locale locale) throws IOException {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		CsvDownload.write(response, "accounts-at-risk.csv", new String[] { "account_id", "account", "risk", "level",
				"predicted_value", "currency", "risk_value", "factor_1", "factor_2", "factor_3", "computed_at" },
				rows -> churn.forEachAtRisk(actor, page -> {
					Map<AccountId, String> names = customers
						.accountNames(page.stream().map(AccountRisk::account).toList());
					for (AccountRisk risk : page) {
						List<String> factors = factors(risk, locale).stream()
							.map(factor -> factor.label() + " = " + factor.value())
							.toList();
						rows.row(risk.account().value(), names.getOrDefault(risk.account(), ""),
								String.format(Locale.ROOT, "%.4f", risk.risk()), risk.level().name().toLowerCase(Locale.ROOT),
								risk.predictedValue(), risk.currency(), risk.riskValue(),
								factors.size() > 0 ? factors.get(0) : "", factors.size() > 1 ? factors.get(1) : "",
								factors.size() > 2 ? factors.get(2) : "", risk.computedAt());
					}
				}));
	}

	private void fill(Model model, Locale locale) {
		model.addAttribute("pending", runs.pending(AnalyticsModel.CHURN).orElse(null));
		model.addAttribute("runs", runs.latest(AnalyticsModel.CHURN, RUNS_SHOWN));
		Run last = runs.lastDone(AnalyticsModel.CHURN).orElse(null);
		model.addAttribute("last", last);
		if (last == null || last.figures() == null) {
			return;
		}
		JsonNode figures = json.readTree(last.figures());
		model.addAttribute("figures", figures);
		List<String> blanks = new ArrayList<>();
		figures.path("blankNumbers").properties().forEach(blank -> blanks.add(messages.getMessage(
				"workbench.churn.blankIn", new Object[] { blank.getValue().asInt(), feature(blank.getKey(), locale) },
				locale)));
		model.addAttribute("blanks", String.join(", ", blanks));
		List<AlgorithmResult> results = results(figures);
		model.addAttribute("results", results);
		model.addAttribute("kept", Algorithm.of(figures.path("kept").asText()));
		model.addAttribute("rocChart", charts.roc(results,
				algorithm -> text("workbench.churn." + algorithm.key(), locale),
				text("workbench.churn.falsePositives", locale), text("workbench.churn.truePositives", locale)));
		List<String> labels = new ArrayList<>();
		List<Double> shares = new ArrayList<>();
		figures.path("importances").forEach(importance -> {
			labels.add(feature(importance.path("feature").asText(), locale));
			shares.add(Math.round(importance.path("share").asDouble() * 1000) / 10.0);
		});
		model.addAttribute("importances", labels);
		model.addAttribute("shares", shares);
		model.addAttribute("importancesChart", charts.bars(labels, List.of(text("churn.importance.share", locale)),
				List.of(shares), text("churn.importance.feature", locale), text("churn.importance.share", locale)));
	}

	/** The comparison as the run kept it. */
	static List<AlgorithmResult> results(JsonNode figures) {
		List<AlgorithmResult> results = new ArrayList<>();
		figures.path("results").forEach(result -> {
			List<RocPoint> roc = new ArrayList<>();
			result.path("roc").forEach(point -> roc.add(new RocPoint(point.path(0).asDouble(), point.path(1).asDouble())));
			results.add(new AlgorithmResult(Algorithm.of(result.path("algorithm").asText()),
					result.path("auc").asDouble(), result.path("accuracy").asDouble(),
					result.path("precision").asDouble(), result.path("recall").asDouble(), roc));
		});
		return results;
	}

	private List<FactorView> factors(AccountRisk risk, Locale locale) {
		return risk.factors().stream()
			.map(factor -> new FactorView(feature(factor.feature(), locale), factor.value(), factor.effect()))
			.toList();
	}

	/** A feature's name for the reader: the built-in ones translated, a stage's by its name, a custom field's key. */
	private String feature(String feature, Locale locale) {
		if (feature.startsWith(AccountChurn.STAGE_PREFIX)) {
			return messages.getMessage("churn.feature.stage",
					new Object[] { text("stage." + feature.substring(AccountChurn.STAGE_PREFIX.length()), locale) },
					locale);
		}
		if (feature.startsWith(AccountChurn.CUSTOM_PREFIX)) {
			return messages.getMessage("churn.feature.custom",
					new Object[] { feature.substring(AccountChurn.CUSTOM_PREFIX.length()) }, locale);
		}
		return messages.getMessage("churn.feature." + feature, null, feature, locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** A factor as the pages show it: the feature's name, the account's value and its push. */
	record FactorView(String label, String value, double effect) {

		public boolean raises() {
			return effect > 0;
		}
	}

	/** A row of the list of accounts at risk. */
	record Row(AccountRisk risk, String name, List<FactorView> factors) {
	}

	/** The settings' form: the window of the snapshot in days and the number custom fields, separated by commas. */
	record SettingsForm(Integer windowDays, String customFields) {

		static SettingsForm of(ChurnSettings settings) {
			return new SettingsForm(settings.windowDays(), settings.customFieldList());
		}
	}
}
