package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.rapport.analytics.internal.AccountChurn;
import org.rapport.analytics.internal.AccountChurn.AccountRisk;
import org.rapport.analytics.internal.AccountChurn.ChurnSettings;
import org.rapport.analytics.internal.AccountChurn.RiskFactor;
import org.rapport.analytics.internal.AnalyticsModel;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.Workbench;
import org.rapport.analytics.web.CustomerValueApiController.RunResource;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.web.NamesRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Churn", description = "Each account's risk of churn as the last churn run found it, the valuable "
		+ "customers at risk, and the runs of the model")
class ChurnApiController {

	private final AccountChurn churn;
	private final AnalyticsRuns runs;
	private final Customers customers;
	private final CurrentActor currentActor;

	ChurnApiController(AccountChurn churn, AnalyticsRuns runs, Customers customers, CurrentActor currentActor) {
		this.churn = churn;
		this.runs = runs;
		this.customers = customers;
		this.currentActor = currentActor;
	}

	@GetMapping("/accounts/{id}/churn")
	@NamesRecord
	@Operation(summary = "An account's risk of churn", description = "For an account you may see that is not lost: "
			+ "the probability that it becomes lost as the kept model gives it, its level (high from 0.5, medium from "
			+ "0.25, low below), the three features that push it most (positive pushes raise the risk), and the risk "
			+ "times the account's predicted value. 404 for an account you may not see, or one that has no risk yet.")
	RiskResource risk(@PathVariable UUID id) {
		Actor actor = currentActor.get();
		AccountId account = VisibleAccount.of(customers, actor, id);
		AccountRisk risk = churn.of(account)
			.orElseThrow(() -> new RecordNotFound("churn.notFound", "Account {0} has no risk of churn yet", id));
		return RiskResource.of(risk, null);
	}

	@GetMapping("/churn/at-risk")
	@Operation(summary = "Valuable customers at risk", description = "The accounts you may see by risk times predicted "
			+ "value, highest first, a page at a time; for administrators and analysts.")
	AtRiskPage atRisk(@Parameter(description = "the page, from 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "rows per page, 1 to 200") @RequestParam(defaultValue = "25") int size) {
		ResultPage<AccountRisk> result = churn.atRisk(currentActor.get(), page, size);
		Map<AccountId, String> names = customers.accountNames(result.items().stream().map(AccountRisk::account).toList());
		return new AtRiskPage(result.items().stream().map(risk -> RiskResource.of(risk, names.get(risk.account())))
			.toList(), result.page(), result.size(), result.hasNext(), result.total());
	}

	@GetMapping("/churn/runs")
	@Operation(summary = "The latest runs of the churn model", description = "Newest first, at most 20, with their "
			+ "parameters (the window in days, the custom fields) and figures (each algorithm's cross-validated AUC, "
			+ "accuracy, precision, recall and ROC curve, the kept one, its importances) as JSON; a failed run says "
			+ "why. For administrators and analysts.")
	List<RunResource> runs() {
		Workbench.check(currentActor.get());
		return runs.latest(AnalyticsModel.CHURN, 20).stream().map(RunResource::of).toList();
	}

	@PostMapping("/churn/runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Run the churn model now", description = "Queues a run with the window (30 to 730 days, 180 "
			+ "unless given) and the number custom fields to learn from (the latest run's when left out); one already "
			+ "queued or running is answered instead. The scheduler starts it within a minute. For administrators and "
			+ "analysts.")
	RunResource runNow(@RequestBody(required = false) RunRequest request) {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		ChurnSettings latest = churn.settings();
		ChurnSettings settings = request == null ? latest
				: new ChurnSettings(request.windowDays() == null ? latest.windowDays() : request.windowDays(),
						request.customFields() == null ? latest.customFields() : request.customFields());
		UUID id = churn.runNow(actor, settings);
		return runs.latest(AnalyticsModel.CHURN, 20).stream()
			.filter(run -> run.id().equals(id))
			.findFirst()
			.map(RunResource::of)
			.orElseThrow();
	}

	/** What a run asks for: the window in days and the number custom fields, each left out for the latest run's. */
	record RunRequest(Integer windowDays, List<String> customFields) {
	}

	/** A page of accounts at risk. */
	record AtRiskPage(List<RiskResource> items, int page, int size, boolean hasNext, long total) {
	}

	/** An account's risk as the API answers it. */
	record RiskResource(UUID accountId, String name, double risk, String level, List<FactorResource> factors,
			BigDecimal predictedValue, String currency, BigDecimal riskValue, Instant computedAt) {

		static RiskResource of(AccountRisk risk, String name) {
			return new RiskResource(risk.account().value(), name, risk.risk(),
					risk.level().name().toLowerCase(Locale.ROOT), risk.factors().stream().map(FactorResource::of)
						.toList(), risk.predictedValue(), risk.currency(), risk.riskValue(), risk.computedAt());
		}
	}

	/** A feature that pushes the risk: its value for the account and its push (positive raises the risk). */
	record FactorResource(String feature, String value, double effect) {

		static FactorResource of(RiskFactor factor) {
			return new FactorResource(factor.feature(), factor.value(), factor.effect());
		}
	}
}
