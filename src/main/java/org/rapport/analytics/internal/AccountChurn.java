package org.rapport.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.rapport.activities.ActivityCounts;
import org.rapport.analytics.internal.churn.Algorithm;
import org.rapport.analytics.internal.churn.AlgorithmResult;
import org.rapport.analytics.internal.churn.ChurnModel;
import org.rapport.analytics.internal.churn.ChurnModels;
import org.rapport.analytics.internal.churn.ChurnTable;
import org.rapport.analytics.internal.churn.Evaluation;
import org.rapport.analytics.internal.churn.Explanation;
import org.rapport.analytics.internal.churn.Factor;
import org.rapport.analytics.internal.churn.Importance;
import org.rapport.customers.AccountFacts;
import org.rapport.customers.AccountFacts.AccountFact;
import org.rapport.customers.AccountId;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.Actor;
import org.rapport.sales.Purchases;
import org.rapport.sales.RunningContracts;
import org.rapport.shared.DefaultCurrency;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.ResultPage;
import org.rapport.shared.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each account's risk of churn, learnt from the CRM's own history. A run takes a snapshot of every account as it stood
 * {@code windowDays} ago (day D): its tenure, recency, frequency and monetary value from its orders before D in the
 * installation's currency, its orders and revenue in the 90 days before D against the 90 days before those, its
 * running contracts and the days to the nearest end (contracts as they run today: the CRM keeps no history of them),
 * its activities in the 90 days before D, its lifecycle stage at D (one-hot; none for an account entered after D with
 * earlier orders, an import say, whose recorded stages begin after D) and the chosen number custom fields. An
 * account churned when it moved to Lost between D and now; accounts lost at D or opened after it are left out. The four
 * algorithms are compared by stratified 5-fold AUC, the best is fitted on all rows and scores every account not lost
 * today from the same features as of today, with the three factors that push its risk most. The model is fitted again
 * on each run (nightly and on demand) rather than kept, so the risks always come from the latest history.
 */
@Service
public class AccountChurn {

	private static final Logger log = LoggerFactory.getLogger(AccountChurn.class);

	/** The window of the snapshot unless the run asks for another. */
	public static final int DEFAULT_WINDOW = 180;

	/** The shortest window: shorter, too few accounts move to Lost to learn from. */
	public static final int MIN_WINDOW = 30;

	/** The longest window. */
	public static final int MAX_WINDOW = 730;

	/** The fewest churned and retained accounts a run learns from. */
	public static final int MIN_CLASS = 5;

	/** The most number custom fields a run takes as features. */
	public static final int MAX_CUSTOM_FIELDS = 10;

	/** The days of each of the two periods whose orders and revenue give the trend. */
	static final int PERIOD_DAYS = 90;

	/** The folds of the comparison. */
	static final int FOLDS = 5;

	/** The seed of the folds and the forests, so that a run on the same history finds the same. */
	static final long SEED = 42;

	/** How many factors each account keeps. */
	static final int TOP_FACTORS = 3;

	/** How many features the figures keep by importance. */
	static final int IMPORTANCES_KEPT = 15;

	/** How many accounts' risks one transaction writes, and one page of an export reads. */
	static final int BATCH = 1_000;

	/** The largest page of the list of accounts at risk. */
	public static final int MAX_PAGE_SIZE = 200;

	/** The run parameter of the window's days. */
	public static final String WINDOW = "windowDays";

	/** The run parameter of the custom fields. */
	public static final String CUSTOM_FIELDS = "customFields";

	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,59}");

	/** The numeric features, in the order of the table; the stages and custom fields follow. */
	static final List<String> BASE_FEATURES = List.of("tenureDays", "recencyDays", "frequency", "monetary", "orders",
			"orders90", "ordersPrior90", "revenue90", "revenuePrior90", "revenueTrend", "runningContracts",
			"daysToContractEnd", "activities90");

	/** The stages an account may hold when it is scored, one-hot. */
	static final List<LifecycleStage> STAGES = List.of(LifecycleStage.PROSPECT, LifecycleStage.NEW,
			LifecycleStage.EXISTING);

	/** The prefix of a custom field's feature. */
	public static final String CUSTOM_PREFIX = "custom.";

	/** The prefix of a stage's feature. */
	public static final String STAGE_PREFIX = "stage=";

	private final AccountFacts facts;
	private final Purchases purchases;
	private final RunningContracts contracts;
	private final ActivityCounts activities;
	private final AnalyticsRuns runs;
	private final ChurnModels models;
	private final AccountOwners owners;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final JsonMapper json;
	private final DefaultCurrency currency;
	private final Clock clock;

	AccountChurn(AccountFacts facts, Purchases purchases, RunningContracts contracts, ActivityCounts activities,
			AnalyticsRuns runs, ChurnModels models, AccountOwners owners, JdbcTemplate jdbc,
			PlatformTransactionManager transactions, JsonMapper json, DefaultCurrency currency, Clock clock) {
		this.facts = facts;
		this.purchases = purchases;
		this.contracts = contracts;
		this.activities = activities;
		this.runs = runs;
		this.models = models;
		this.owners = owners;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
		this.currency = currency;
		this.clock = clock;
	}

	/** Queues a run with these settings for an administrator or analyst; answers the run (one already waiting if any). */
	public UUID runNow(Actor actor, ChurnSettings settings) {
		if (!Workbench.mayUse(actor)) {
			throw new NotPermitted("analytics.churn.notPermitted", "Only administrators and analysts run the churn model");
		}
		return runs.queue(AnalyticsModel.CHURN, parameters(settings), actor.id().value());
	}

	/** The settings of the latest run, which the next nightly run takes again; the defaults before any. */
	public ChurnSettings settings() {
		return runs.latest(AnalyticsModel.CHURN, 1).stream().findFirst().map(run -> settings(run.parameters()))
			.orElse(ChurnSettings.DEFAULT);
	}

	/** Queues the nightly run with the latest settings. */
	void nightly() {
		runs.queue(AnalyticsModel.CHURN, parameters(settings()), null);
	}

	String parameters(ChurnSettings settings) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put(WINDOW, settings.windowDays());
		parameters.put(CUSTOM_FIELDS, settings.customFields());
		return json.writeValueAsString(parameters);
	}

	ChurnSettings settings(String parameters) {
		try {
			JsonNode node = json.readTree(parameters == null ? "{}" : parameters);
			List<String> fields = new ArrayList<>();
			node.path(CUSTOM_FIELDS).forEach(field -> fields.add(field.asText()));
			return new ChurnSettings(node.path(WINDOW).asInt(DEFAULT_WINDOW), fields);
		}
		catch (RuntimeException unreadable) {
			return ChurnSettings.DEFAULT;
		}
	}

	/**
	 * The settings of a run: the window of the snapshot in days, and the number custom fields of accounts that are
	 * features.
	 */
	public record ChurnSettings(int windowDays, List<String> customFields) {

		public static final ChurnSettings DEFAULT = new ChurnSettings(DEFAULT_WINDOW, List.of());

		public ChurnSettings {
			if (windowDays < MIN_WINDOW || windowDays > MAX_WINDOW) {
				throw new InvalidField(WINDOW, "analytics.churn.window", "The window is " + MIN_WINDOW + " to "
						+ MAX_WINDOW + " days", MIN_WINDOW, MAX_WINDOW);
			}
			customFields = customFields == null ? List.of()
					: customFields.stream().map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
			if (customFields.size() > MAX_CUSTOM_FIELDS) {
				throw new InvalidField(CUSTOM_FIELDS, "analytics.churn.customFieldCount",
						"Choose at most " + MAX_CUSTOM_FIELDS + " custom fields", MAX_CUSTOM_FIELDS);
			}
			for (String name : customFields) {
				if (!FIELD_NAME.matcher(name).matches()) {
					throw new InvalidField(CUSTOM_FIELDS, "analytics.churn.customFieldName",
							"Name custom fields by their keys, such as seats, separated by commas");
				}
			}
		}

		/** The settings of a window and of custom fields written as a comma-separated list. */
		public static ChurnSettings of(Integer windowDays, String customFields) {
			if (windowDays == null) {
				throw new InvalidField(WINDOW, "analytics.churn.window", "The window is " + MIN_WINDOW + " to "
						+ MAX_WINDOW + " days", MIN_WINDOW, MAX_WINDOW);
			}
			return new ChurnSettings(windowDays,
					customFields == null ? List.of() : List.of(customFields.split(",")));
		}

		/** The custom fields as the form shows them. */
		public String customFieldList() {
			return String.join(", ", customFields);
		}
	}

	/**
	 * Learns from the snapshot, keeps the comparison's figures and scores every account not lost; answers the figures
	 * as JSON. Runs in the analytics pool, called by the sweep of queued runs.
	 */
	String compute(UUID run, String parameters) {
		long started = System.nanoTime();
		ChurnSettings settings = settings(parameters);
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		LocalDate snapshot = today.minusDays(settings.windowDays());
		Instant snapshotStart = snapshot.atStartOfDay(ZoneOffset.UTC).toInstant();
		// orders before the snapshot day describe the past; today's orders count for the risk of today
		LocalDate[] until = { snapshot, today.plusDays(1) };

		Map<UUID, Buyer> buyers = new HashMap<>();
		Buyer[] current = { null };
		purchases.forEachOrder(currency.code(), purchase -> {
			Buyer buyer = current[0];
			if (buyer == null || !buyer.account.equals(purchase.account().value())) {
				buyer = buyers.computeIfAbsent(purchase.account().value(), Buyer::new);
				current[0] = buyer;
			}
			buyer.add(purchase.date(), purchase.amount().doubleValue(), until);
		});
		Map<UUID, Contracts> running = new HashMap<>();
		contracts.forEach(currency.code(), contract -> running
			.computeIfAbsent(contract.account().value(), id -> new Contracts())
			.add(contract.end()));
		Map<UUID, Long> activitiesThen = new HashMap<>();
		activities.forEachAccount(snapshot.minusDays(PERIOD_DAYS).atStartOfDay(ZoneOffset.UTC).toInstant(),
				snapshotStart, (account, count) -> activitiesThen.put(account.value(), count));
		Map<UUID, Long> activitiesNow = new HashMap<>();
		activities.forEachAccount(now.minus(PERIOD_DAYS, ChronoUnit.DAYS), now,
				(account, count) -> activitiesNow.put(account.value(), count));
		Map<UUID, LifecycleStage> stageThen = new HashMap<>();
		facts.forEachStageChangedSince(snapshotStart, earlier -> stageThen.put(earlier.account().value(),
				earlier.stage()));
		Set<UUID> lost = new HashSet<>();
		facts.forEachMoveTo(LifecycleStage.LOST, snapshotStart, now, move -> lost.add(move.account().value()));

		List<String> features = new ArrayList<>(BASE_FEATURES);
		STAGES.forEach(stage -> features.add(STAGE_PREFIX + stage.name()));
		settings.customFields().forEach(field -> features.add(CUSTOM_PREFIX + field));
		List<double[]> training = new ArrayList<>();
		List<Boolean> churned = new ArrayList<>();
		List<double[]> scoring = new ArrayList<>();
		List<UUID> scored = new ArrayList<>();
		facts.forEach(fact -> {
			UUID id = fact.id().value();
			Buyer buyer = buyers.get(id);
			LocalDate opened = LocalDate.ofInstant(fact.createdAt(), ZoneOffset.UTC);
			// an account entered after its first orders (an import, say) existed since those
			LocalDate start = buyer != null && buyer.first.isBefore(opened) ? buyer.first : opened;
			LifecycleStage then = stageThen.getOrDefault(id, fact.stage());
			if (start.isBefore(snapshot) && then != LifecycleStage.LOST) {
				// the stages of an account entered after D begin after D: its stage at D is not known
				LifecycleStage known = opened.isAfter(snapshot) ? null : then;
				training.add(row(fact, buyer, 0, snapshot, start, running.get(id), activitiesThen, known, settings));
				churned.add(lost.contains(id));
			}
			if (fact.stage() != LifecycleStage.LOST) {
				scoring.add(row(fact, buyer, 1, today, start, running.get(id), activitiesNow, fact.stage(), settings));
				scored.add(id);
			}
		});

		int positives = (int) churned.stream().filter(Boolean::booleanValue).count();
		int retained = churned.size() - positives;
		if (positives < MIN_CLASS || retained < MIN_CLASS) {
			throw new RuleBroken("analytics.churn.tooFewAccounts", "{0} accounts became lost in the {1} days before "
					+ "today and {2} did not; at least {3} of each are needed to learn from", positives,
					settings.windowDays(), retained, MIN_CLASS);
		}
		// a custom field that no account of the snapshot holds as a number tells nothing
		List<String> dropped = new ArrayList<>();
		List<Integer> kept = new ArrayList<>();
		for (int j = 0; j < features.size(); j++) {
			boolean any = !features.get(j).startsWith(CUSTOM_PREFIX);
			for (int i = 0; !any && i < training.size(); i++) {
				any = !Double.isNaN(training.get(i)[j]);
			}
			if (any) {
				kept.add(j);
			}
			else {
				dropped.add(features.get(j).substring(CUSTOM_PREFIX.length()));
			}
		}
		List<String> names = kept.stream().map(features::get).toList();
		double[][] x = project(training, kept);
		boolean[] y = new boolean[churned.size()];
		for (int i = 0; i < y.length; i++) {
			y[i] = churned.get(i);
		}
		ChurnTable table = ChurnTable.fromNumbers(names, x, y);
		Evaluation evaluation = models.evaluate(table, List.of(Algorithm.values()), FOLDS, SEED);
		ChurnModel model = models.fitBest(table, evaluation, SEED);
		double[][] rows = project(scoring, kept);
		double[] risks = models.score(model, rows);
		write(run, model, scored, rows, risks, now);

		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put(WINDOW, settings.windowDays());
		figures.put("snapshot", snapshot.toString());
		figures.put("currency", currency.code());
		figures.put("rows", table.rows());
		figures.put("churned", table.churned());
		figures.put("folds", evaluation.folds());
		figures.put("noChurnAccuracy", evaluation.noChurnAccuracy());
		figures.put("imputation", table.imputation());
		figures.put("blankNumbers", table.blankNumbers());
		figures.put("kept", evaluation.best().algorithm().key());
		List<Map<String, Object>> results = new ArrayList<>();
		for (AlgorithmResult result : evaluation.results()) {
			Map<String, Object> figure = new LinkedHashMap<>();
			figure.put("algorithm", result.algorithm().key());
			figure.put("auc", result.auc());
			figure.put("accuracy", result.accuracy());
			figure.put("precision", result.precision());
			figure.put("recall", result.recall());
			figure.put("roc", result.roc().stream()
				.map(point -> List.of(point.falsePositiveRate(), point.truePositiveRate()))
				.toList());
			results.add(figure);
		}
		figures.put("results", results);
		List<Map<String, Object>> importances = new ArrayList<>();
		for (Importance importance : model.importances().subList(0,
				Math.min(IMPORTANCES_KEPT, model.importances().size()))) {
			importances.add(Map.of("feature", importance.feature(), "share", importance.share()));
		}
		figures.put("importances", importances);
		figures.put("features", names);
		figures.put("droppedFields", dropped);
		figures.put("scored", scored.size());
		figures.put("highRisk", java.util.Arrays.stream(risks).filter(risk -> Level.of(risk) == Level.HIGH).count());
		figures.put("seconds", (System.nanoTime() - started) / 1e9);
		log.info("Churn: {} accounts learnt from ({} lost), {} kept, {} accounts scored in {} ms", table.rows(),
				table.churned(), evaluation.best().algorithm().key(), scored.size(),
				(System.nanoTime() - started) / 1_000_000);
		return json.writeValueAsString(figures);
	}

	/**
	 * One account's features as of a day, in the order of {@link #BASE_FEATURES}, stages and custom fields; a stage not
	 * known ({@code null}) sets none of the stages.
	 */
	private static double[] row(AccountFact fact, Buyer buyer, int at, LocalDate asOf, LocalDate start,
			Contracts contracts, Map<UUID, Long> activities, LifecycleStage stage, ChurnSettings settings) {
		double[] row = new double[BASE_FEATURES.size() + STAGES.size() + settings.customFields().size()];
		double tenure = Math.max(0, ChronoUnit.DAYS.between(start, asOf));
		int orders = buyer == null ? 0 : buyer.orders[at];
		row[0] = tenure;
		// an account that never bought has waited for its first order since it was opened
		row[1] = orders == 0 ? tenure : ChronoUnit.DAYS.between(buyer.last[at], asOf);
		row[2] = orders * 365.0 / Math.max(PERIOD_DAYS, tenure);
		row[3] = orders == 0 ? 0 : buyer.revenue[at];
		row[4] = orders;
		row[5] = orders == 0 ? 0 : buyer.recentOrders[at];
		row[6] = orders == 0 ? 0 : buyer.priorOrders[at];
		row[7] = orders == 0 ? 0 : buyer.recentRevenue[at];
		row[8] = orders == 0 ? 0 : buyer.priorRevenue[at];
		row[9] = row[7] - row[8];
		row[10] = contracts == null ? 0 : contracts.count;
		// no running contract: the median of the training rows stands in
		row[11] = contracts == null ? Double.NaN : Math.max(0, ChronoUnit.DAYS.between(asOf, contracts.nearestEnd));
		row[12] = activities.getOrDefault(fact.id().value(), 0L);
		int j = BASE_FEATURES.size();
		for (LifecycleStage each : STAGES) {
			row[j++] = each == stage ? 1 : 0;
		}
		for (String field : settings.customFields()) {
			row[j++] = number(fact.customFields().get(field));
		}
		return row;
	}

	private static double number(Object value) {
		if (value instanceof Number number) {
			double d = number.doubleValue();
			return Double.isFinite(d) ? d : Double.NaN;
		}
		if (value instanceof String text) {
			try {
				double d = Double.parseDouble(text.strip());
				return Double.isFinite(d) ? d : Double.NaN;
			}
			catch (NumberFormatException notANumber) {
				return Double.NaN;
			}
		}
		return Double.NaN;
	}

	private static double[][] project(List<double[]> rows, List<Integer> columns) {
		double[][] projected = new double[rows.size()][columns.size()];
		for (int i = 0; i < rows.size(); i++) {
			double[] row = rows.get(i);
			for (int j = 0; j < columns.size(); j++) {
				projected[i][j] = row[columns.get(j)];
			}
		}
		return projected;
	}

	private void write(UUID run, ChurnModel model, List<UUID> accounts, double[][] rows, double[] risks, Instant at) {
		java.time.OffsetDateTime computedAt = at.atOffset(ZoneOffset.UTC);
		for (int from = 0; from < accounts.size(); from += BATCH) {
			int to = Math.min(accounts.size(), from + BATCH);
			List<AccountId> ids = accounts.subList(from, to).stream().map(AccountId::new).toList();
			Map<AccountId, AccountFact> current = owners.of(ids);
			Map<UUID, BigDecimal> values = predictedValues(accounts.subList(from, to));
			List<Object[]> batch = new ArrayList<>(to - from);
			for (int i = from; i < to; i++) {
				AccountFact fact = current.get(new AccountId(accounts.get(i)));
				if (fact == null) {
					continue; // deleted while the run learnt
				}
				Explanation explanation = model.explain(rows[i], TOP_FACTORS);
				double risk = risks[i];
				BigDecimal value = values.getOrDefault(accounts.get(i), BigDecimal.ZERO);
				BigDecimal riskValue = value.multiply(BigDecimal.valueOf(risk)).setScale(4, RoundingMode.HALF_UP);
				batch.add(new Object[] { accounts.get(i), run, fact.owner().value(),
						fact.team() == null ? null : fact.team().value(), risk, factors(explanation), riskValue,
						computedAt });
			}
			transactions.executeWithoutResult(status -> {
				jdbc.update("delete from account_churn where account_id in (" + placeholders(batch.size()) + ")",
						batch.stream().map(row -> row[0]).toArray());
				jdbc.batchUpdate("insert into account_churn (account_id, run_id, owner_id, team_id, risk, factors, "
						+ "risk_value, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?)", batch);
			});
		}
		// accounts lost since, or gone, keep no risk of an earlier run
		jdbc.update("delete from account_churn where run_id <> ?", run);
	}

	private Map<UUID, BigDecimal> predictedValues(List<UUID> accounts) {
		Map<UUID, BigDecimal> values = new HashMap<>();
		if (accounts.isEmpty()) {
			return values;
		}
		jdbc.query("select account_id, predicted_value from account_value where account_id in ("
				+ placeholders(accounts.size()) + ")", rs -> {
					values.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
				}, accounts.toArray());
		return values;
	}

	private static String placeholders(int count) {
		return count == 0 ? "null" : String.join(", ", Collections.nCopies(count, "?"));
	}

	private String factors(Explanation explanation) {
		List<Map<String, Object>> factors = new ArrayList<>();
		for (Factor factor : explanation.factors()) {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("feature", factor.column());
			each.put("value", shown(factor.value()));
			each.put("effect", Double.isFinite(factor.effect()) ? factor.effect() : 0);
			factors.add(each);
		}
		return json.writeValueAsString(factors);
	}

	/** A factor's value as the pages show it: a number with at most two decimals, a text as it is. */
	static String shown(String value) {
		try {
			double number = Double.parseDouble(value);
			if (!Double.isFinite(number)) {
				return value;
			}
			return BigDecimal.valueOf(number).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException | NullPointerException text) {
			return value;
		}
	}

	/** The account's risk as the last run found it, if it was scored. */
	public Optional<AccountRisk> of(AccountId account) {
		return jdbc.query("select c.account_id, c.risk, c.factors, c.risk_value, v.predicted_value, v.currency, "
				+ "c.computed_at from account_churn c left join account_value v on v.account_id = c.account_id "
				+ "where c.account_id = ?", riskRow(), account.value()).stream().findFirst();
	}

	/**
	 * A page of the accounts at risk that the actor may see, the riskiest in value first (risk times predicted value,
	 * then risk), for administrators and analysts.
	 */
	public ResultPage<AccountRisk> atRisk(Actor actor, int page, int size) {
		Workbench.check(actor);
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidField("size", "analytics.churn.pageSize", "A page holds 1 to " + MAX_PAGE_SIZE + " rows",
					1, MAX_PAGE_SIZE);
		}
		if (page < 0 || (long) page * size > Integer.MAX_VALUE) {
			throw new InvalidField("page", "analytics.churn.page", "Pages count from 0");
		}
		return VisibleAccounts.of(actor, "c").page(jdbc, COLUMNS, FROM + "where 1 = 1", List.of(),
				"c.risk_value desc, c.account_id", riskRow(), page, size);
	}

	/**
	 * Hands every account at risk that the actor may see to the consumer, in the order of the list, a page read at a
	 * time by the key of the last row; for an export that streams.
	 */
	public void forEachAtRisk(Actor actor, Consumer<List<AccountRisk>> page) {
		Workbench.check(actor);
		VisibleAccounts visible = VisibleAccounts.of(actor, "c");
		AccountRisk last = null;
		while (true) {
			List<AccountRisk> rows;
			if (last == null) {
				rows = jdbc.query(SELECT + "where 1 = 1" + visible.condition()
						+ " order by c.risk_value desc, c.account_id limit " + BATCH, riskRow(),
						visible.arguments().toArray());
			}
			else {
				rows = jdbc.query(SELECT + "where (c.risk_value < ? or (c.risk_value = ? and c.account_id > ?))"
						+ visible.condition() + " order by c.risk_value desc, c.account_id limit " + BATCH,
						riskRow(), visible.after(last.riskValue(), last.riskValue(), last.account().value()));
			}
			if (!rows.isEmpty()) {
				page.accept(rows);
			}
			if (rows.size() < BATCH) {
				return;
			}
			last = rows.get(rows.size() - 1);
		}
	}

	private static final String COLUMNS = "c.account_id, c.risk, c.factors, c.risk_value, v.predicted_value, "
			+ "v.currency, c.computed_at";

	private static final String FROM = "from account_churn c left join account_value v on v.account_id = c.account_id ";

	private static final String SELECT = "select " + COLUMNS + " " + FROM;

	private RowMapper<AccountRisk> riskRow() {
		return (rs, row) -> {
			List<RiskFactor> factors = new ArrayList<>();
			json.readTree(rs.getString(3)).forEach(factor -> factors.add(new RiskFactor(
					factor.path("feature").asText(), factor.path("value").asText(), factor.path("effect").asDouble())));
			return new AccountRisk(new AccountId(rs.getObject(1, UUID.class)), rs.getDouble(2), List.copyOf(factors),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6),
					rs.getObject(7, java.time.OffsetDateTime.class).toInstant());
		};
	}

	/**
	 * How high a risk is: high from the probability at which the models count an account as churning (0.5), medium
	 * from half that (0.25), low below.
	 */
	public enum Level {
		LOW, MEDIUM, HIGH;

		/** The lowest risk that is high. */
		public static final double HIGH_FROM = ChurnModels.THRESHOLD;

		/** The lowest risk that is medium. */
		public static final double MEDIUM_FROM = ChurnModels.THRESHOLD / 2;

		public static Level of(double risk) {
			return risk >= HIGH_FROM ? HIGH : risk >= MEDIUM_FROM ? MEDIUM : LOW;
		}
	}

	/**
	 * An account's risk of churn as the last run found it: the probability, the factors that push it most, and the risk
	 * times its predicted value (with that value and its currency, when the account has one).
	 */
	public record AccountRisk(AccountId account, double risk, List<RiskFactor> factors, BigDecimal riskValue,
			BigDecimal predictedValue, String currency, Instant computedAt) {

		public Level level() {
			return Level.of(risk);
		}
	}

	/**
	 * A feature that pushes an account's risk: its value for the account and how far it pushes, up when positive (in
	 * log-odds for logistic regression, in probability for the tree models).
	 */
	public record RiskFactor(String feature, String value, double effect) {
	}

	/** One account's orders as they stream past, counted as of each day of {@code until} (excluded). */
	private static final class Buyer {

		final UUID account;
		LocalDate first;
		final LocalDate[] last = new LocalDate[2];
		final int[] orders = new int[2];
		final double[] revenue = new double[2];
		final int[] recentOrders = new int[2];
		final int[] priorOrders = new int[2];
		final double[] recentRevenue = new double[2];
		final double[] priorRevenue = new double[2];

		Buyer(UUID account) {
			this.account = account;
		}

		void add(LocalDate day, double amount, LocalDate[] until) {
			if (first == null || day.isBefore(first)) {
				first = day;
			}
			for (int at = 0; at < until.length; at++) {
				if (!day.isBefore(until[at])) {
					continue;
				}
				orders[at]++;
				revenue[at] += amount;
				if (last[at] == null || day.isAfter(last[at])) {
					last[at] = day;
				}
				long ago = ChronoUnit.DAYS.between(day, until[at]);
				if (ago <= PERIOD_DAYS) {
					recentOrders[at]++;
					recentRevenue[at] += amount;
				}
				else if (ago <= 2 * PERIOD_DAYS) {
					priorOrders[at]++;
					priorRevenue[at] += amount;
				}
			}
		}
	}

	/** An account's running contracts: how many, and the nearest end. */
	private static final class Contracts {

		int count;
		LocalDate nearestEnd;

		void add(LocalDate end) {
			count++;
			if (nearestEnd == null || end.isBefore(nearestEnd)) {
				nearestEnd = end;
			}
		}
	}
}
