package org.rapport.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rapport.analytics.internal.clv.BgNbd;
import org.rapport.analytics.internal.clv.ClvModels;
import org.rapport.analytics.internal.clv.ClvModels.ClvFit;
import org.rapport.analytics.internal.clv.ClvModels.CustomerValue;
import org.rapport.analytics.internal.clv.RepeatSummaries.TrackingPoint;
import org.rapport.analytics.internal.clv.RepeatSummary;
import org.rapport.analytics.internal.clv.RepeatSummaryStream;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.sales.Purchases;
import org.rapport.sales.RunningContracts;
import org.rapport.shared.DefaultCurrency;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.ResultPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value of each account that bought, computed from the CRM's orders and running contracts in the installation's
 * currency: the historic value to date; BG/NBD and Gamma-Gamma's predicted value over the horizon (Pareto/NBD fitted
 * beside them); and the seed's discounted value {@code Σ R_t / (1 + d)^t}, where {@code R_t} is the account's revenue
 * per period so far plus what its running contracts bring in period t. The models are fitted twice: once to the
 * purchases before the holdout, checked against the holdout's purchases, and once to all purchases up to today, which
 * value the accounts. Orders stream past account by account; the accounts' summaries are held while the models fit.
 */
@Service
public class CustomerValues {

	private static final Logger log = LoggerFactory.getLogger(CustomerValues.class);

	/**
	 * The strength of the weak prior per customer on the models' parameters when the purchases leave one unbounded:
	 * it grows with the customers, as the likelihood's pull towards the bound does (identical spends pull Gamma-Gamma's
	 * shape up by about half a customer's worth of log-likelihood per unit of its logarithm).
	 */
	static final double PRIOR_PER_CUSTOMER = 0.1;

	/** The prior's strength for these many customers. */
	static double prior(int customers) {
		return PRIOR_PER_CUSTOMER * Math.max(1, customers);
	}

	/** The refusals of a fit whose parameter the purchases leave unbounded. */
	private static final java.util.Set<String> UNBOUNDED = java.util.Set.of("analytics.clv.parameterToInfinity",
			"analytics.clv.parameterToZero", "analytics.clv.notConverged");

	/** How many accounts' values one transaction writes. */
	static final int WRITE_BATCH = 1_000;

	private final Purchases purchases;
	private final RunningContracts contracts;
	private final ClvSettingsStore settings;
	private final AnalyticsRuns runs;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final JsonMapper json;
	private final DefaultCurrency currency;
	private final Clock clock;
	private final AccountOwners owners;

	CustomerValues(Purchases purchases, RunningContracts contracts, ClvSettingsStore settings, AnalyticsRuns runs,
			JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions,
			JsonMapper json, DefaultCurrency currency, Clock clock, AccountOwners owners) {
		this.owners = owners;
		this.purchases = purchases;
		this.contracts = contracts;
		this.settings = settings;
		this.runs = runs;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
		this.currency = currency;
		this.clock = clock;
	}

	/** Queues a run of the model for an administrator or analyst; answers the run (one already waiting if any). */
	public UUID runNow(Actor actor) {
		if (!Workbench.mayUse(actor)) {
			throw new NotPermitted("analytics.value.notPermitted",
					"Only administrators and analysts run the lifetime-value model");
		}
		return runs.queue(AnalyticsModel.CUSTOMER_VALUE, parameters(settings.current()), actor.id().value());
	}

	/** The settings the next run uses. */
	public ClvSettings settings() {
		return settings.current();
	}

	/** Changes the settings, for an administrator; the next run uses them. */
	public ClvSettings change(Actor actor, ClvSettings changed) {
		if (!actor.isAdmin()) {
			throw new NotPermitted("analytics.value.settingsNotPermitted",
					"Only administrators change how customers are valued");
		}
		return settings.change(changed);
	}

	/** The value of the account as the last run found it, if it bought. */
	public Optional<AccountValue> of(AccountId account) {
		return jdbc.query("select purchases, first_purchase, last_purchase, historic_value, expected_purchases, "
				+ "probability_alive, expected_spend, predicted_value, discounted_value, currency, computed_at "
				+ "from account_value where account_id = ?", (rs, row) -> new AccountValue(rs.getInt(1),
						rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getBigDecimal(4),
						rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
						rs.getString(10), rs.getObject(11, java.time.OffsetDateTime.class).toInstant()),
				account.value()).stream().findFirst();
	}

	/** The valued accounts the actor may see, the most valuable first, a page at a time. */
	public ResultPage<ValuedAccount> valued(Actor actor, int page, int size) {
		return VisibleAccounts.of(actor, "v").page(jdbc, VALUED_COLUMNS, "from account_value v where 1 = 1",
				List.of(), "v.predicted_value desc, v.account_id desc", VALUED_ROW, Math.max(0, page), size);
	}

	/**
	 * Hands all valued accounts the actor may see to the consumer in the list's order, a batch of {@link #WRITE_BATCH}
	 * at a time, each read after the last one's key: an export of a million needs the memory of one batch.
	 */
	public void forEachValued(Actor actor, java.util.function.Consumer<List<ValuedAccount>> batches) {
		VisibleAccounts visible = VisibleAccounts.of(actor, "v");
		ValuedAccount last = null;
		while (true) {
			String after = last == null ? ""
					: " and (v.predicted_value < ? or (v.predicted_value = ? and v.account_id < ?))";
			Object[] arguments = last == null ? visible.arguments().toArray() : concat(visible.arguments(), last);
			List<ValuedAccount> batch = jdbc.query(VALUED + visible.condition() + after + VALUED_ORDER + " limit "
					+ WRITE_BATCH, VALUED_ROW, arguments);
			if (!batch.isEmpty()) {
				batches.accept(batch);
			}
			if (batch.size() < WRITE_BATCH) {
				return;
			}
			last = batch.get(batch.size() - 1);
		}
	}

	private static Object[] concat(List<Object> visible, ValuedAccount last) {
		List<Object> all = new ArrayList<>(visible);
		all.add(last.predictedValue());
		all.add(last.predictedValue());
		all.add(last.account().value());
		return all.toArray();
	}

	private static final String VALUED_COLUMNS = "v.account_id, v.purchases, v.last_purchase, v.historic_value, "
			+ "v.probability_alive, v.predicted_value, v.discounted_value, v.currency";

	private static final String VALUED = "select " + VALUED_COLUMNS + " from account_value v where 1 = 1";

	private static final String VALUED_ORDER = " order by v.predicted_value desc, v.account_id desc";

	private static final org.springframework.jdbc.core.RowMapper<ValuedAccount> VALUED_ROW = (rs,
			row) -> new ValuedAccount(new AccountId(rs.getObject(1, UUID.class)), rs.getInt(2),
					rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getDouble(5), rs.getBigDecimal(6),
					rs.getBigDecimal(7), rs.getString(8));

	/** A valued account in the list of values: its purchases, last purchase, historic and predicted values. */
	public record ValuedAccount(AccountId account, int purchases, LocalDate lastPurchase, BigDecimal historicValue,
			double probabilityAlive, BigDecimal predictedValue, BigDecimal discountedValue, String currency) {
	}

	static String parameters(ClvSettings settings) {
		return "{\"discountRate\": " + settings.discountRate().toPlainString() + ", \"periodUnit\": \""
				+ settings.unit().name().toLowerCase(java.util.Locale.ROOT) + "\", \"horizon\": " + settings.horizon()
				+ ", \"holdout\": " + settings.holdout() + "}";
	}

	/**
	 * Values every account that bought and keeps the figures of the fit; answers them as JSON. Runs in the analytics
	 * pool, called by the sweep of queued runs.
	 */
	String compute(UUID run) {
		long started = System.nanoTime();
		ClvSettings chosen = settings.current();
		String code = currency.code();
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		LocalDate checkFrom = today.minusDays((long) Math.ceil(chosen.unit().days(chosen.holdout())));

		List<RepeatSummary> checked = new ArrayList<>();
		RepeatSummaryStream check = new RepeatSummaryStream(checkFrom, chosen.unit(), chosen.holdout(), checked::add);
		List<RepeatSummary> valued = new ArrayList<>();
		RepeatSummaryStream now = new RepeatSummaryStream(today, chosen.unit(), 0, valued::add);
		List<History> histories = new ArrayList<>();
		History[] current = { null };
		purchases.forEachOrder(code, purchase -> {
			if (purchase.date().isAfter(today)) {
				return;
			}
			String key = purchase.account().value().toString();
			double amount = purchase.amount().doubleValue();
			check.add(key, purchase.date(), amount);
			now.add(key, purchase.date(), amount);
			History history = current[0];
			if (history == null || !history.account.equals(purchase.account().value())) {
				history = new History(purchase.account().value(), purchase.date());
				histories.add(history);
				current[0] = history;
			}
			if (!purchase.date().equals(history.last) || history.days == 0) {
				history.days++;
			}
			history.last = purchase.date();
			history.value = history.value.add(purchase.amount());
		});
		check.finish();
		now.finish();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("currency", code);
		figures.put("accounts", valued.size());
		figures.put("otherCurrencyOrders", purchases.countInOtherCurrencies(code));
		if (valued.isEmpty()) {
			figures.put("note", "no purchases");
			return json.writeValueAsString(figures);
		}
		ClvFit fit;
		try {
			fit = ClvModels.fit(valued, chosen.horizon(), chosen.ratePerPeriod());
			figures.put("prior", 0);
		}
		catch (InvalidField unbounded) {
			if (!UNBOUNDED.contains(unbounded.messageKey())) {
				throw unbounded;
			}
			// the purchases leave a parameter unbounded (say, nobody has stopped buying yet): a weak prior holds it
			double prior = prior(valued.size());
			fit = ClvModels.fit(valued, chosen.horizon(), chosen.ratePerPeriod(), prior);
			figures.put("prior", prior);
			figures.put("priorBecause", java.text.MessageFormat.format(unbounded.getMessage(),
					unbounded.getArguments()));
		}
		figures.put("bgnbd", fit.bgnbd());
		figures.put("paretoNbd", fit.paretoNbd());
		figures.put("gammaGamma", fit.gammaGamma());
		figures.put("checkFrom", checkFrom.toString());
		figures.put("tracking", tracking(checked, check));

		Map<UUID, double[]> contractRates = contractRates(code, today, chosen);
		write(run, histories, fit.predictions(), contractRates, chosen, today, code);
		figures.put("seconds", (System.nanoTime() - started) / 1e9);
		log.info("Customer values: {} accounts valued in {} ms", valued.size(), (System.nanoTime() - started) / 1_000_000);
		return json.writeValueAsString(figures);
	}

	/** The check of the fit before the holdout against the holdout's purchases; empty without a holdout to check. */
	private static List<TrackingPoint> tracking(List<RepeatSummary> checked, RepeatSummaryStream check) {
		if (checked.size() < 2) {
			return List.of();
		}
		try {
			BgNbd before;
			try {
				before = BgNbd.fit(checked);
			}
			catch (InvalidField unbounded) {
				if (!UNBOUNDED.contains(unbounded.messageKey())) {
					throw unbounded;
				}
				before = BgNbd.fit(checked, prior(checked.size()));
			}
			double[] ages = checked.stream().mapToDouble(RepeatSummary::T).sorted().toArray();
			return check.tracking(ages, before);
		}
		catch (org.rapport.shared.DomainException tooLittle) {
			// too few purchases before the holdout to fit: the values stand, without a check
			return List.of();
		}
	}

	/**
	 * What each account's running contracts bring in each period of the horizon: a contract's value spread evenly over
	 * its term, counted in the periods it still runs.
	 */
	private Map<UUID, double[]> contractRates(String code, LocalDate today, ClvSettings chosen) {
		Map<UUID, double[]> rates = new HashMap<>();
		contracts.forEach(code, contract -> {
			double termDays = Math.max(1, ChronoUnit.DAYS.between(contract.start(), contract.end()) + 1);
			double perDay = contract.value().doubleValue() / termDays;
			double[] perPeriod = rates.computeIfAbsent(contract.account().value(), id -> new double[chosen.horizon()]);
			double periodDays = chosen.unit().days(1);
			for (int t = 0; t < chosen.horizon(); t++) {
				LocalDate from = today.plusDays((long) Math.floor(t * periodDays) + 1);
				LocalDate to = today.plusDays((long) Math.floor((t + 1) * periodDays));
				LocalDate start = contract.start().isAfter(from) ? contract.start() : from;
				LocalDate end = contract.end().isBefore(to) ? contract.end() : to;
				if (!end.isBefore(start)) {
					perPeriod[t] += perDay * (ChronoUnit.DAYS.between(start, end) + 1);
				}
			}
		});
		return rates;
	}

	private void write(UUID run, List<History> histories, List<CustomerValue> predictions,
			Map<UUID, double[]> contractRates, ClvSettings chosen, LocalDate today, String code) {
		double rate = chosen.ratePerPeriod();
		Instant at = clock.instant();
		for (int from = 0; from < histories.size(); from += WRITE_BATCH) {
			int to = Math.min(histories.size(), from + WRITE_BATCH);
			List<Object[]> rows = new ArrayList<>(to - from);
			List<Object[]> keys = new ArrayList<>(to - from);
			Map<AccountId, org.rapport.customers.AccountFacts.AccountFact> facts = owners.of(
					histories.subList(from, to).stream().map(history -> new AccountId(history.account)).toList());
			for (int i = from; i < to; i++) {
				History history = histories.get(i);
				CustomerValue value = predictions.get(i);
				double periods = Math.max(1, chosen.unit().periods(ChronoUnit.DAYS.between(history.first, today)));
				double perPeriod = history.value.doubleValue() / periods;
				double[] revenues = new double[chosen.horizon()];
				double[] contracted = contractRates.get(history.account);
				for (int t = 0; t < revenues.length; t++) {
					revenues[t] = perPeriod + (contracted == null ? 0 : contracted[t]);
				}
				double discounted = org.rapport.analytics.internal.clv.Clv.discounted(revenues, rate);
				keys.add(new Object[] { history.account });
				var fact = facts.get(new AccountId(history.account));
				if (fact == null) {
					continue; // gone since its orders were read
				}
				rows.add(new Object[] { history.account, fact.owner().value(),
						fact.team() == null ? null : fact.team().value(), run, history.days, history.first, history.last,
						history.value.setScale(4, RoundingMode.HALF_UP), value.expectedPurchases(),
						value.probabilityAlive(), value.expectedSpend(), money(value.clv()), money(discounted), code,
						at.atOffset(ZoneOffset.UTC) });
			}
			transactions.executeWithoutResult(status -> {
				jdbc.batchUpdate("delete from account_value where account_id = ?", keys);
				jdbc.batchUpdate("insert into account_value (account_id, owner_id, team_id, run_id, purchases, "
						+ "first_purchase, last_purchase, historic_value, expected_purchases, probability_alive, expected_spend, "
						+ "predicted_value, discounted_value, currency, computed_at) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
			});
		}
		// accounts that no longer have a purchase in the currency keep no value of an earlier run
		jdbc.update("delete from account_value where run_id <> ?", run);
	}

	private static BigDecimal money(double value) {
		return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP) : BigDecimal.ZERO;
	}

	/** One account's purchases to date, as the orders stream past. */
	private static final class History {

		final UUID account;
		final LocalDate first;
		LocalDate last;
		int days;
		BigDecimal value = BigDecimal.ZERO;

		History(UUID account, LocalDate first) {
			this.account = account;
			this.first = first;
			this.last = first;
		}
	}

	/**
	 * An account's value as the last run found it: its purchase days to date, the first and last, their value, what
	 * the models predict over the horizon, and the discounted value of its revenue per period.
	 */
	public record AccountValue(int purchases, LocalDate firstPurchase, LocalDate lastPurchase,
			BigDecimal historicValue, double expectedPurchases, double probabilityAlive, double expectedSpend,
			BigDecimal predictedValue, BigDecimal discountedValue, String currency, Instant computedAt) {

		/** The expected spend per purchase as an amount of the currency. */
		public BigDecimal spendPerPurchase() {
			return money(expectedSpend).setScale(2, RoundingMode.HALF_UP);
		}
	}
}
