package org.rapport.analytics.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.analytics.internal.AnalyticsModel;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.rapport.analytics.internal.ClvSettings;
import org.rapport.analytics.internal.CustomerValues;
import org.rapport.analytics.internal.Workbench;
import org.rapport.analytics.internal.clv.BgNbd;
import org.rapport.analytics.internal.clv.GammaGamma;
import org.rapport.analytics.internal.clv.ParetoNbd;
import org.rapport.analytics.internal.clv.PeriodUnit;
import org.rapport.analytics.internal.clv.RepeatSummaries.TrackingPoint;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.ResultPage;
import org.rapport.web.CsvDownload;
import org.rapport.web.Paging;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * The customer-value model's page (its settings, the last fit and its check, the history of runs) for analysts and
 * administrators, and each account's value on the account's page for whoever sees the account.
 */
@Controller
class CustomerValueController {

	private final CustomerValues values;
	private final AnalyticsRuns runs;
	private final Customers customers;
	private final CurrentActor currentActor;
	private final JsonMapper json;
	private final WorkbenchCharts charts;
	private final MessageSource messages;

	CustomerValueController(CustomerValues values, AnalyticsRuns runs, Customers customers, CurrentActor currentActor,
			JsonMapper json, WorkbenchCharts charts, MessageSource messages) {
		this.values = values;
		this.runs = runs;
		this.customers = customers;
		this.currentActor = currentActor;
		this.json = json;
		this.charts = charts;
		this.messages = messages;
	}

	@GetMapping("/analytics/accounts/{id}/value")
	String panel(@PathVariable UUID id, Model model) {
		AccountId account = VisibleAccount.of(customers, currentActor.get(), id);
		model.addAttribute("value", values.of(account).orElse(null));
		model.addAttribute("settings", values.settings());
		return "analytics/value-panel :: panel";
	}

	@GetMapping("/analytics/value")
	String page(Model model, Locale locale) {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		ClvSettings settings = values.settings();
		model.addAttribute("settingsForm", SettingsForm.of(settings));
		fill(model, actor, locale);
		return "analytics/value";
	}

	@GetMapping("/analytics/value/accounts")
	String valued(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Model model) {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		Paging paging = Paging.of(page, size);
		ResultPage<CustomerValues.ValuedAccount> result = values.valued(actor, paging.page(), paging.size());
		model.addAttribute("result", result);
		model.addAttribute("names", customers
			.accountNames(result.items().stream().map(CustomerValues.ValuedAccount::account).toList()));
		model.addAttribute("last", runs.lastDone(AnalyticsModel.CUSTOMER_VALUE).orElse(null));
		return "analytics/value-accounts";
	}

	@GetMapping("/analytics/value/accounts/export")
	void export(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		CsvDownload.write(response, "customer-values.csv", new String[] { "account_id", "account", "purchases",
				"last_purchase", "historic_value", "probability_alive", "predicted_value", "discounted_value",
				"currency" }, rows -> values.forEachValued(actor, batch -> {
					Map<AccountId, String> names = customers
						.accountNames(batch.stream().map(CustomerValues.ValuedAccount::account).toList());
					batch.forEach(row -> rows.row(row.account().value(), names.get(row.account()), row.purchases(),
							row.lastPurchase(), row.historicValue().toPlainString(), row.probabilityAlive(),
							row.predictedValue().toPlainString(), row.discountedValue().toPlainString(),
							row.currency()));
				}));
	}

	@PostMapping("/analytics/value/run")
	String run(RedirectAttributes redirect) {
		values.runNow(currentActor.get());
		redirect.addFlashAttribute("success", "value.run.queued");
		return "redirect:/analytics/value";
	}

	@PostMapping("/analytics/value/settings")
	String change(@ModelAttribute("settingsForm") SettingsForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
		Actor actor = currentActor.get();
		if (!actor.isAdmin()) {
			throw new NotPermitted("analytics.value.settingsNotPermitted",
					"Only administrators change how customers are valued");
		}
		if (!errors.hasErrors()) {
			try {
				values.change(actor, form.settings());
				redirect.addFlashAttribute("success", "value.settings.saved");
				return "redirect:/analytics/value";
			}
			catch (InvalidField invalid) {
				errors.rejectValue(invalid.field(), invalid.messageKey(), invalid.getArguments(),
						invalid.getDefaultMessage());
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		fill(model, actor, locale);
		return "analytics/value";
	}

	private void fill(Model model, Actor actor, Locale locale) {
		model.addAttribute("mayChange", actor.isAdmin());
		Run last = RunProgressController.addRuns(model, runs, AnalyticsModel.CUSTOMER_VALUE);
		if (last != null && last.figures() != null) {
			JsonNode figures = json.readTree(last.figures());
			model.addAttribute("figures", figures);
			if (figures.has("bgnbd")) {
				JsonNode bg = figures.path("bgnbd");
				JsonNode pn = figures.path("paretoNbd");
				JsonNode gg = figures.path("gammaGamma");
				model.addAttribute("bgnbd", new BgNbd(bg.path("r").asDouble(), bg.path("alpha").asDouble(),
						bg.path("a").asDouble(), bg.path("b").asDouble(), bg.path("logLikelihood").asDouble()));
				model.addAttribute("paretoNbd", new ParetoNbd(pn.path("r").asDouble(), pn.path("alpha").asDouble(),
						pn.path("s").asDouble(), pn.path("beta").asDouble(), pn.path("logLikelihood").asDouble()));
				model.addAttribute("gammaGamma", new GammaGamma(gg.path("p").asDouble(), gg.path("q").asDouble(),
						gg.path("v").asDouble(), gg.path("logLikelihood").asDouble()));
			}
			java.util.List<TrackingPoint> tracking = new java.util.ArrayList<>();
			figures.path("tracking").forEach(point -> tracking.add(new TrackingPoint(point.path("period").asInt(),
					point.path("actualPurchases").asLong(), point.path("expectedPurchases").asDouble())));
			model.addAttribute("tracking", tracking);
			if (!tracking.isEmpty()) {
				model.addAttribute("trackingChart", charts.tracking(tracking, text("value.tracking.period", locale),
						text("workbench.clv.purchases", locale), text("workbench.clv.actual", locale),
						text("workbench.clv.expected", locale)));
			}
		}
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	/** The settings' form: the yearly discount rate in per cent, the period, the horizon and the holdout. */
	record SettingsForm(BigDecimal discountPercent, String periodUnit, Integer horizon, Integer holdout, long version) {

		static SettingsForm of(ClvSettings settings) {
			BigDecimal percent = settings.discountRate().movePointRight(2).stripTrailingZeros();
			return new SettingsForm(percent.scale() < 0 ? percent.setScale(0) : percent,
					settings.unit().name().toLowerCase(Locale.ROOT), settings.horizon(), settings.holdout(),
					settings.version());
		}

		ClvSettings settings() {
			if (discountPercent == null) {
				throw new InvalidField("discountPercent", "analytics.clv.yearlyRate",
						"The yearly discount rate is at least 0 and below 1 (0.1 is 10 %)");
			}
			PeriodUnit unit;
			try {
				unit = PeriodUnit.of(periodUnit);
			}
			catch (InvalidField unknown) {
				throw new InvalidField("periodUnit", "analytics.clv.periodUnit", "The period is day or week");
			}
			try {
				return new ClvSettings(discountPercent.movePointLeft(2), unit, horizon == null ? 0 : horizon,
						holdout == null ? -1 : holdout, version);
			}
			catch (InvalidField invalid) {
				throw "discountRate".equals(invalid.field())
						? new InvalidField("discountPercent", "value.settings.percent",
								"The yearly discount rate is 0 to 99 %")
						: invalid;
			}
		}
	}
}
