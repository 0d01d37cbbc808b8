package org.rapport.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.analytics.internal.AnalyticsModel;
import org.rapport.analytics.internal.AnalyticsRuns;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.rapport.analytics.internal.CustomerValues;
import org.rapport.analytics.internal.Workbench;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.NamesRecord;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Customer value", description = "Each account's value as the nightly lifetime-value run found it, and the "
		+ "runs of the model")
class CustomerValueApiController {

	private final CustomerValues values;
	private final AnalyticsRuns runs;
	private final Customers customers;
	private final CurrentActor currentActor;

	CustomerValueApiController(CustomerValues values, AnalyticsRuns runs, Customers customers,
			CurrentActor currentActor) {
		this.values = values;
		this.runs = runs;
		this.customers = customers;
		this.currentActor = currentActor;
	}

	@GetMapping("/accounts/{id}/value")
	@NamesRecord
	@Operation(summary = "An account's value", description = "For an account you may see that bought in the "
			+ "installation's currency: its purchase days and revenue to date, the expected purchases, the probability "
			+ "of still buying, the expected spend per purchase and the predicted value over the horizon (BG/NBD and "
			+ "Gamma-Gamma), and its revenue per period discounted over the horizon. 404 for an account you may not "
			+ "see, or one that has no value yet.")
	AccountValueResource value(@PathVariable UUID id) {
		AccountId account = VisibleAccount.of(customers, currentActor.get(), id);
		CustomerValues.AccountValue value = values.of(account)
			.orElseThrow(() -> new RecordNotFound("value.notFound", "Account {0} has no value yet", id));
		return new AccountValueResource(id, value.purchases(), value.firstPurchase(), value.lastPurchase(),
				value.historicValue(), value.expectedPurchases(), value.probabilityAlive(), value.spendPerPurchase(),
				value.predictedValue(), value.discountedValue(), value.currency(), value.computedAt());
	}

	@GetMapping("/customer-value/accounts")
	@Operation(summary = "The valued accounts you may see, the most valuable first", description = "A page of the "
			+ "accounts the last run valued, by predicted value over the horizon, highest first; for administrators and "
			+ "analysts, who see only the accounts their visibility reaches.")
	ApiPage<ValuedAccountResource> valued(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Actor actor = currentActor.get();
		Workbench.check(actor);
		Paging paging = Paging.of(page, size);
		ResultPage<CustomerValues.ValuedAccount> result = values.valued(actor, paging.page(), paging.size());
		Map<AccountId, String> names = customers
			.accountNames(result.items().stream().map(CustomerValues.ValuedAccount::account).toList());
		return ApiPage.of(result.map(row -> new ValuedAccountResource(row.account().value(),
				names.get(row.account()), row.purchases(), row.lastPurchase(), row.historicValue(),
				row.probabilityAlive(), row.predictedValue(), row.discountedValue(), row.currency())));
	}

	@GetMapping("/customer-value/runs")
	@Operation(summary = "The latest runs of the lifetime-value model", description = "Newest first, at most 20, with "
			+ "their parameters and figures (the fitted models, their log-likelihoods and the holdout check) as JSON; "
			+ "for administrators and analysts.")
	List<RunResource> runs() {
		Workbench.check(currentActor.get());
		return RunResource.latest(runs, AnalyticsModel.CUSTOMER_VALUE);
	}

	@PostMapping("/customer-value/runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Run the lifetime-value model now", description = "Queues a run (one already queued or "
			+ "running is answered instead); the scheduler starts it within a minute. For administrators and analysts.")
	RunResource runNow() {
		return RunResource.queued(runs, AnalyticsModel.CUSTOMER_VALUE, values.runNow(currentActor.get()));
	}

	/** An account's value as the API answers it. */
	record AccountValueResource(UUID accountId, int purchases, LocalDate firstPurchase, LocalDate lastPurchase,
			BigDecimal historicValue, double expectedPurchases, double probabilityAlive, BigDecimal expectedSpend,
			BigDecimal predictedValue, BigDecimal discountedValue, String currency, Instant computedAt) {
	}

	/** A valued account in the API's list. */
	record ValuedAccountResource(UUID accountId, String accountName, int purchases, LocalDate lastPurchase,
			BigDecimal historicValue, double probabilityAlive, BigDecimal predictedValue, BigDecimal discountedValue,
			String currency) {
	}

	/** A run of the model as the API answers it: its parameters and figures are JSON text. */
	record RunResource(UUID id, String status, String parameters, String figures, String error, Instant queuedAt,
			Instant startedAt, Instant finishedAt) {

		static RunResource of(Run run) {
			return new RunResource(run.id(), run.status(), run.parameters(), run.figures(), run.error(),
					run.queuedAt(), run.startedAt(), run.finishedAt());
		}

		/** The model's latest runs, newest first, as many as the API lists. */
		static List<RunResource> latest(AnalyticsRuns runs, AnalyticsModel model) {
			return runs.latest(model, LISTED).stream().map(RunResource::of).toList();
		}

		/** The run just queued (or the one already waiting). */
		static RunResource queued(AnalyticsRuns runs, AnalyticsModel model, UUID id) {
			return runs.latest(model, LISTED).stream()
				.filter(run -> run.id().equals(id))
				.findFirst()
				.map(RunResource::of)
				.orElseThrow();
		}

		/** How many runs the API lists. */
		static final int LISTED = 20;
	}
}
