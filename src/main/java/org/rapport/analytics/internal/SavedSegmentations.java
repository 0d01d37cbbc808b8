package org.rapport.analytics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.analytics.SegmentMemberships;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.rapport.analytics.internal.segments.AgglomerativeClustering;
import org.rapport.analytics.internal.segments.Features;
import org.rapport.analytics.internal.segments.KMeansClustering;
import org.rapport.analytics.internal.segments.Scaling;
import org.rapport.analytics.internal.segments.Segmentation;
import org.rapport.customers.AccountFacts;
import org.rapport.customers.AccountFacts.AccountFact;
import org.rapport.customers.AccountId;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFields;
import org.rapport.customization.FieldType;
import org.rapport.identity.Actor;
import org.rapport.sales.Purchases;
import org.rapport.shared.ConflictingChange;
import org.rapport.shared.DefaultCurrency;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.UuidV7;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved segmentations of the accounts: an analyst chooses the features (recency, frequency and monetary value of the
 * confirmed orders in the installation's currency, the account's age, numeric custom fields), the scaling and the
 * algorithm; a run of the segmentation model clusters the accounts that bought (or all of them) with the workbench's
 * algorithms and keeps each account's cluster, the clusters' sizes and profiles and a sample of points for a chart.
 * Lists of a cluster's accounts show each user only the accounts they may see.
 */
@Service
public class SavedSegmentations implements SegmentMemberships {

	private static final Logger log = LoggerFactory.getLogger(SavedSegmentations.class);

	/** The features that every installation has, in the order the form offers them. */
	public static final List<String> STANDARD_FEATURES = List.of("recency", "frequency", "monetary", "tenure");

	/** The custom field types whose values are numbers. */
	private static final Set<FieldType> NUMERIC = Set.of(FieldType.NUMBER, FieldType.DECIMAL, FieldType.CURRENCY);

	/** The algorithms offered. */
	public static final List<String> ALGORITHMS = List.of("kmeans", "hierarchical", "dbscan");

	/** The scalings offered. */
	public static final List<String> SCALINGS = List.of("standardize", "log");

	/** The longest name of a segmentation. */
	public static final int MAX_NAME = 200;

	/** The longest name of a cluster. */
	public static final int MAX_CLUSTER_NAME = 100;

	/** The most points of the scatter chart's sample. */
	public static final int SAMPLE_POINTS = 2_000;

	/** How many accounts one statement writes, and one read of a cluster's members hands on. */
	static final int BATCH = 1_000;

	private final Purchases purchases;
	private final AccountFacts facts;
	private final CustomFields customFields;
	private final AccountOwners owners;
	private final AnalyticsRuns runs;
	private final AnalyticsPool pool;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final JsonMapper json;
	private final DefaultCurrency currency;
	private final Clock clock;

	SavedSegmentations(Purchases purchases, AccountFacts facts, CustomFields customFields, AccountOwners owners,
			AnalyticsRuns runs, AnalyticsPool pool, JdbcTemplate jdbc, PlatformTransactionManager transactions,
			JsonMapper json, DefaultCurrency currency, Clock clock) {
		this.purchases = purchases;
		this.facts = facts;
		this.customFields = customFields;
		this.owners = owners;
		this.runs = runs;
		this.pool = pool;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
		this.currency = currency;
		this.clock = clock;
	}

	// ---------------------------------------------------------------------------------------------------- features

	/**
	 * A feature the form offers: one of {@link #STANDARD_FEATURES}, or a numeric custom field of accounts, keyed
	 * {@code cf.<key>}.
	 */
	public record Feature(String key, CustomField field) {

		/** Whether it is a custom field. */
		public boolean custom() {
			return field != null;
		}
	}

	/** The features that a segmentation may use now: the standard ones, then the accounts' numeric custom fields. */
	public List<Feature> features() {
		List<Feature> all = new ArrayList<>();
		STANDARD_FEATURES.forEach(key -> all.add(new Feature(key, null)));
		for (CustomField field : customFields.active("account")) {
			if (NUMERIC.contains(field.type())) {
				all.add(new Feature(field.param(), field));
			}
		}
		return all;
	}

	// ---------------------------------------------------------------------------------------------------- requests

	/**
	 * What a new segmentation is asked: its name, the features (keys of {@link #features()}), the scaling
	 * ({@code standardize} or {@code log}), the algorithm ({@code kmeans}, {@code hierarchical} or {@code dbscan}) and
	 * its parameters — k (K-Means without k chooses it by silhouette from kMin to kMax), the linkage, eps and
	 * minSamples — and whether accounts that never bought take part.
	 */
	public record SegmentationRequest(String name, List<String> features, String scaling, String algorithm, Integer k,
			Integer kMin, Integer kMax, String linkage, Double eps, Integer minSamples, boolean allAccounts) {

		public SegmentationRequest {
			features = features == null ? List.of() : List.copyOf(features);
		}

		/** The request as it runs: trimmed, defaults filled in; refused at the field in fault. */
		SegmentationRequest checked(Set<String> known) {
			String trimmed = name == null ? "" : name.strip();
			if (trimmed.isEmpty()) {
				throw new InvalidField("name", "segments.name.blank", "Give the segmentation a name");
			}
			if (trimmed.length() > MAX_NAME) {
				throw new InvalidField("name", "segments.name.tooLong", "The name is at most {0} characters",
						MAX_NAME);
			}
			if (features.isEmpty()) {
				throw new InvalidField("features", "analytics.segments.noFeatures", "Choose at least one feature");
			}
			Set<String> seen = new HashSet<>();
			for (String feature : features) {
				if (feature == null || !known.contains(feature)) {
					throw new InvalidField("features", "segments.feature.unknown",
							"There is no feature {0} to segment by", String.valueOf(feature));
				}
				if (!seen.add(feature)) {
					throw new InvalidField("features", "analytics.segments.featureName",
							"Each feature is named, and only once: {0}", feature);
				}
			}
			String scale = scaling == null || scaling.isBlank() ? "standardize"
					: scaling.strip().toLowerCase(Locale.ROOT);
			if (!SCALINGS.contains(scale)) {
				throw new InvalidField("scaling", "segments.scaling", "The scaling is standardize or log, not {0}",
						scaling);
			}
			String chosen = algorithm == null || algorithm.isBlank() ? "kmeans"
					: algorithm.strip().toLowerCase(Locale.ROOT);
			Integer kMinimum = null;
			Integer kMaximum = null;
			String link = null;
			Double radius = null;
			Integer samples = null;
			switch (chosen) {
				case "kmeans" -> {
					if (k != null) {
						checkK(k);
					}
					else {
						kMinimum = kMin == null ? 2 : kMin;
						kMaximum = kMax == null ? 8 : kMax;
						if (kMinimum < 2 || kMinimum > KMeansClustering.MAX_K_IN_RANGE) {
							throw new InvalidField("kMin", "segments.kRange",
									"Choose 2 <= kMin <= kMax <= {0}", KMeansClustering.MAX_K_IN_RANGE);
						}
						if (kMaximum < kMinimum || kMaximum > KMeansClustering.MAX_K_IN_RANGE) {
							throw new InvalidField("kMax", "segments.kRange", "Choose 2 <= kMin <= kMax <= {0}",
									KMeansClustering.MAX_K_IN_RANGE);
						}
					}
				}
				case "hierarchical" -> {
					if (k == null) {
						throw new InvalidField("k", "segments.k.required",
								"Hierarchical clustering needs k, the number of clusters");
					}
					checkK(k);
					link = AgglomerativeClustering.Linkage.parse(linkage == null || linkage.isBlank() ? "ward" : linkage)
						.name()
						.toLowerCase(Locale.ROOT);
				}
				case "dbscan" -> {
					if (eps == null || !(eps > 0) || !Double.isFinite(eps)) {
						throw new InvalidField("eps", "analytics.segments.epsNotPositive",
								"eps must be a number greater than 0");
					}
					if (minSamples == null || minSamples < 1) {
						throw new InvalidField("minSamples", "analytics.segments.minSamplesTooSmall",
								"minSamples must be at least 1 (the point itself counts)");
					}
					radius = eps;
					samples = minSamples;
				}
				default -> throw new InvalidField("algorithm", "analytics.segments.algorithm",
						"The algorithm is kmeans, hierarchical or dbscan, not {0}", algorithm);
			}
			return new SegmentationRequest(trimmed, features, scale, chosen,
					"dbscan".equals(chosen) ? null : k, kMinimum, kMaximum, link, radius, samples, allAccounts);
		}

		private static void checkK(int k) {
			if (k < 2 || k > KMeansClustering.MAX_K_IN_RANGE) {
				throw new InvalidField("k", "segments.k.range", "k is from 2 to {0}", KMeansClustering.MAX_K_IN_RANGE);
			}
		}
	}

	/** Queues a run that makes a new saved segmentation; answers the run. For administrators and analysts. */
	public UUID queue(Actor actor, SegmentationRequest request) {
		Workbench.check(actor);
		SegmentationRequest checked = request.checked(featureKeys());
		return runs.queueAnother(AnalyticsModel.SEGMENTS, json.writeValueAsString(checked), actor.id().value());
	}

	/** The standard segmentation that the nightly run and the demo data make: RFM of the accounts that bought. */
	public static SegmentationRequest standard() {
		return new SegmentationRequest("RFM", List.of("recency", "frequency", "monetary"), "log", "kmeans", null, 2, 6,
				null, null, null, false);
	}

	/** Queues the standard segmentation, unless one waits; it replaces the standard one made before. */
	public UUID queueStandard() {
		if (runs.pending(AnalyticsModel.SEGMENTS).isPresent()) {
			return runs.pending(AnalyticsModel.SEGMENTS).get().id();
		}
		return runs.queueAnother(AnalyticsModel.SEGMENTS, json.writeValueAsString(standard()), null);
	}

	private Set<String> featureKeys() {
		Set<String> keys = new HashSet<>();
		features().forEach(feature -> keys.add(feature.key()));
		return keys;
	}

	// ----------------------------------------------------------------------------------------------------- the run

	/** One account's purchases to date, as the orders stream past. */
	private static final class Rfm {

		LocalDate last;
		int days;
		BigDecimal value = BigDecimal.ZERO;
	}

	/**
	 * Segments the accounts as the run's parameters ask and saves the segmentation; answers the figures as JSON. Runs
	 * in the analytics pool's caller, called by the sweep of queued runs.
	 */
	String compute(Run run) {
		long started = System.nanoTime();
		SegmentationRequest request = json.readValue(run.parameters(), SegmentationRequest.class)
			.checked(featureKeys());
		String code = currency.code();
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		Map<UUID, Rfm> bought = new HashMap<>();
		purchases.forEachOrder(code, purchase -> {
			if (purchase.date().isAfter(today)) {
				return;
			}
			Rfm rfm = bought.computeIfAbsent(purchase.account().value(), id -> new Rfm());
			if (!purchase.date().equals(rfm.last)) {
				rfm.days++;
			}
			rfm.last = purchase.date();
			rfm.value = rfm.value.add(purchase.amount());
		});
		List<String> names = request.features();
		int d = names.size();
		List<AccountId> accounts = new ArrayList<>();
		List<double[]> rows = new ArrayList<>();
		int[] withoutValue = { 0 };
		facts.forEach(fact -> {
			Rfm rfm = bought.get(fact.id().value());
			if (rfm == null && !request.allAccounts()) {
				return;
			}
			double tenure = Math.max(0, ChronoUnit.DAYS.between(
					fact.createdAt() == null ? today : fact.createdAt().atZone(ZoneOffset.UTC).toLocalDate(), today));
			double[] row = new double[d];
			for (int j = 0; j < d; j++) {
				Double value = value(names.get(j), fact, rfm, tenure, today);
				if (value == null) {
					withoutValue[0]++;
					return;
				}
				row[j] = value;
			}
			accounts.add(fact.id());
			rows.add(row);
		});
		bought.clear();
		double[][] matrix = rows.toArray(double[][]::new);
		rows.clear();
		if ("hierarchical".equals(request.algorithm()) && matrix.length > AgglomerativeClustering.MAX_ROWS) {
			throw new InvalidField("algorithm", "analytics.segments.tooManyRowsForHierarchical",
					"Hierarchical clustering takes at most {0} rows, not {1}: choose kmeans or dbscan for more",
					AgglomerativeClustering.MAX_ROWS, matrix.length);
		}
		Scaling scaling = Workbench.scaling(request.scaling(), null);
		Workbench.SegmentRequest asked = new Workbench.SegmentRequest(String.join(",", names), request.algorithm(),
				request.k(), request.kMin(), request.kMax(), request.linkage(), request.eps(), request.minSamples(),
				null, request.scaling(), null, null);
		Segmentation segmentation = pool.run(() -> Workbench.cluster(Features.of(names, matrix, scaling), asked,
				matrix)).segmentation();
		UUID id = save(run, request, segmentation, accounts, matrix);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("segmentation", id.toString());
		figures.put("accounts", matrix.length);
		figures.put("clusters", segmentation.clusters());
		figures.put("noise", segmentation.noise());
		figures.put("silhouette", segmentation.silhouette());
		figures.put("withoutValue", withoutValue[0]);
		figures.put("currency", code);
		figures.put("seconds", (System.nanoTime() - started) / 1e9);
		log.info("Segments: {} accounts in {} clusters in {} ms", matrix.length, segmentation.clusters(),
				(System.nanoTime() - started) / 1_000_000);
		return json.writeValueAsString(figures);
	}

	/** The feature's value for the account; {@code null} where a custom field has none. */
	private static Double value(String feature, AccountFact fact, Rfm rfm, double tenure, LocalDate today) {
		return switch (feature) {
			case "recency" -> rfm == null ? tenure : (double) ChronoUnit.DAYS.between(rfm.last, today);
			case "frequency" -> rfm == null ? 0.0 : rfm.days;
			case "monetary" -> rfm == null ? 0.0 : rfm.value.doubleValue();
			case "tenure" -> tenure;
			default -> number(fact.customFields() == null ? null
					: fact.customFields().get(feature.substring(CustomFields.PARAM_PREFIX.length())));
		};
	}

	private static Double number(Object value) {
		if (value instanceof Number number) {
			double x = number.doubleValue();
			return Double.isFinite(x) ? x : null;
		}
		if (value instanceof String text && !text.isBlank()) {
			try {
				return Double.valueOf(text.strip());
			}
			catch (NumberFormatException notANumber) {
				return null;
			}
		}
		return null;
	}

	private UUID save(Run run, SegmentationRequest request, Segmentation segmentation, List<AccountId> accounts,
			double[][] rows) {
		UUID id = UuidV7.next();
		int[] labels = segmentation.labels();
		Map<String, Object> parameters = new LinkedHashMap<>(segmentation.parameters());
		parameters.put("allAccounts", request.allAccounts());
		Map<String, Object> sample = new LinkedHashMap<>();
		List<Integer> sampleLabels = new ArrayList<>();
		List<double[]> sampleRows = new ArrayList<>();
		int step = Math.max(1, (int) Math.ceil(rows.length / (double) SAMPLE_POINTS));
		for (int i = 0; i < rows.length; i += step) {
			sampleLabels.add(labels[i]);
			sampleRows.add(rows[i]);
		}
		sample.put("labels", sampleLabels);
		sample.put("rows", sampleRows);
		java.time.OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
		transactions.executeWithoutResult(status -> {
			jdbc.update("insert into analytics_segmentation (id, run_id, name, algorithm, parameters, features, "
					+ "silhouette, accounts, noise, sample, created_by, created, version) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", id, run.id(), request.name(),
					segmentation.algorithm(), json.writeValueAsString(parameters),
					json.writeValueAsString(request.features()), segmentation.silhouette(), rows.length,
					segmentation.noise(), json.writeValueAsString(sample), run.requestedBy(), at);
			List<Object[]> clusters = new ArrayList<>();
			for (Segmentation.ClusterProfile profile : segmentation.profiles()) {
				clusters.add(new Object[] { id, profile.cluster() + 1, profile.size(),
						json.writeValueAsString(profile.means()) });
			}
			if (segmentation.noise() > 0) {
				clusters.add(new Object[] { id, NOISE, segmentation.noise(), "[]" });
			}
			jdbc.batchUpdate("insert into analytics_cluster (segmentation_id, cluster, size, means, version) "
					+ "values (?, ?, ?, ?, 0)", clusters);
			for (int from = 0; from < accounts.size(); from += BATCH) {
				int to = Math.min(accounts.size(), from + BATCH);
				Map<AccountId, AccountFact> current = owners.of(accounts.subList(from, to));
				List<Object[]> members = new ArrayList<>(to - from);
				for (int i = from; i < to; i++) {
					AccountFact fact = current.get(accounts.get(i));
					if (fact == null) {
						continue; // gone since its facts were read
					}
					members.add(new Object[] { id, accounts.get(i).value(), labels[i] + 1, fact.owner().value(),
							fact.team() == null ? null : fact.team().value(), json.writeValueAsString(rows[i]) });
				}
				jdbc.batchUpdate("insert into account_segment (segmentation_id, account_id, cluster, owner_id, "
						+ "team_id, feature_values) values (?, ?, ?, ?, ?, ?)", members);
			}
			if (run.requestedBy() == null) {
				// the nightly standard segmentation replaces the one of the night before
				jdbc.update("delete from analytics_segmentation where created_by is null and name = ? and id <> ?",
						request.name(), id);
			}
		});
		return id;
	}

	// ------------------------------------------------------------------------------------------------- reading

	/** A saved segmentation as lists show it. */
	public record Summary(UUID id, UUID runId, String name, String algorithm, List<String> features,
			Double silhouette, int accounts, int noise, UUID createdBy, java.time.Instant created, long version) {
	}

	/**
	 * A cluster of a saved segmentation: its number ({@link #NOISE} for DBSCAN's noise), its size, the name a user
	 * gave it or {@code null}, and the means of the features in their own units.
	 */
	public record SavedCluster(int number, int size, String name, double[] means, long version) {

		/** Whether it holds DBSCAN's noise. */
		public boolean noise() {
			return number == NOISE;
		}

		/** The name a user gave it, or the default: {@code Cluster n}, or {@code Noise}. */
		public String nameOrDefault() {
			return name != null ? name : noise() ? "Noise" : "Cluster " + number;
		}
	}

	/** A saved segmentation with its parameters, its clusters and the sample of points for its chart. */
	public record Detail(Summary summary, String parameters, List<SavedCluster> clusters, int[] sampleLabels,
			double[][] sampleRows) {

		/** The cluster with this number. */
		public Optional<SavedCluster> cluster(int number) {
			return clusters.stream().filter(cluster -> cluster.number() == number).findFirst();
		}
	}

	private static final String SUMMARY = "select id, run_id, name, algorithm, features, silhouette, accounts, noise, "
			+ "created_by, created, version from analytics_segmentation ";

	private RowMapper<Summary> summaryRow() {
		return (rs, row) -> new Summary(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
				rs.getString(4), json.readValue(rs.getString(5), new TypeReference<List<String>>() {
				}), rs.getObject(6) == null ? null : rs.getDouble(6), rs.getInt(7), rs.getInt(8),
				rs.getObject(9, UUID.class), rs.getObject(10, java.time.OffsetDateTime.class).toInstant(),
				rs.getLong(11));
	}

	/** A page of the saved segmentations, newest first. For administrators and analysts. */
	public ResultPage<Summary> page(Actor actor, int page, int size) {
		Workbench.check(actor);
		List<Summary> items = jdbc.query(SUMMARY + "order by created desc, id desc limit ? offset ?", summaryRow(),
				size + 1, (long) page * size);
		boolean hasNext = items.size() > size;
		Long total = jdbc.queryForObject("select count(*) from analytics_segmentation", Long.class);
		return new ResultPage<>(hasNext ? items.subList(0, size) : items, page, size, hasNext,
				total == null ? 0 : total, false);
	}

	/** The saved segmentation, for administrators and analysts. */
	public Detail find(Actor actor, UUID id) {
		Workbench.check(actor);
		Summary summary = jdbc.query(SUMMARY + "where id = ?", summaryRow(), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new RecordNotFound("segments.notFound", "No segmentation {0}", id));
		String[] stored = jdbc.queryForObject("select parameters, sample from analytics_segmentation where id = ?",
				(rs, row) -> new String[] { rs.getString(1), rs.getString(2) }, id);
		Map<String, Object> sample = json.readValue(stored[1], new TypeReference<Map<String, Object>>() {
		});
		int[] sampleLabels = ((List<?>) sample.get("labels")).stream()
			.mapToInt(label -> ((Number) label).intValue())
			.toArray();
		double[][] sampleRows = ((List<?>) sample.get("rows")).stream()
			.map(row -> ((List<?>) row).stream().mapToDouble(value -> ((Number) value).doubleValue()).toArray())
			.toArray(double[][]::new);
		return new Detail(summary, stored[0], clusters(id), sampleLabels, sampleRows);
	}

	private static final String CLUSTER = "select segmentation_id, cluster, size, name, means, version "
			+ "from analytics_cluster ";

	/** The clusters by falling size, the noise last. */
	private static final String CLUSTER_ORDER = " order by segmentation_id, case when cluster = 0 then 1 else 0 end, "
			+ "cluster";

	private RowMapper<Map.Entry<UUID, SavedCluster>> clusterRow() {
		return (rs, row) -> Map.entry(rs.getObject(1, UUID.class), new SavedCluster(rs.getInt(2), rs.getInt(3),
				rs.getString(4), json.readValue(rs.getString(5), double[].class), rs.getLong(6)));
	}

	private List<SavedCluster> clusters(UUID id) {
		return jdbc.query(CLUSTER + "where segmentation_id = ?" + CLUSTER_ORDER, clusterRow(), id)
			.stream()
			.map(Map.Entry::getValue)
			.toList();
	}

	/**
	 * Names the cluster (a blank name brings back the default), unless it changed since the version the user saw.
	 * For administrators and analysts.
	 */
	public void rename(Actor actor, UUID id, int cluster, String name, long version) {
		Workbench.check(actor);
		String trimmed = name == null || name.isBlank() ? null : name.strip();
		if (trimmed != null && trimmed.length() > MAX_CLUSTER_NAME) {
			throw new InvalidField("name", "segments.clusterName.tooLong", "The name is at most {0} characters",
					MAX_CLUSTER_NAME);
		}
		int changed = jdbc.update("update analytics_cluster set name = ?, version = version + 1 "
				+ "where segmentation_id = ? and cluster = ? and version = ?", trimmed, id, cluster, version);
		if (changed == 0) {
			Integer exists = jdbc.queryForObject("select count(*) from analytics_cluster where segmentation_id = ? "
					+ "and cluster = ?", Integer.class, id, cluster);
			if (exists == null || exists == 0) {
				throw new RecordNotFound("segments.clusterNotFound", "No cluster {1} in segmentation {0}", id,
						cluster);
			}
			throw new ConflictingChange("form.stale", "Someone else changed this record while you were editing it");
		}
	}

	/** Deletes the saved segmentation, for an administrator or the analyst who made it. */
	public void delete(Actor actor, UUID id) {
		Workbench.check(actor);
		UUID creator = jdbc.query("select created_by from analytics_segmentation where id = ?",
				(rs, row) -> Optional.ofNullable(rs.getObject(1, UUID.class)), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new RecordNotFound("segments.notFound", "No segmentation {0}", id))
			.orElse(null);
		if (!actor.isAdmin() && !actor.id().value().equals(creator)) {
			throw new NotPermitted("segments.deleteNotPermitted",
					"Only administrators and whoever made a segmentation delete it");
		}
		jdbc.update("delete from analytics_segmentation where id = ?", id);
	}

	/** An account of a cluster with the raw values of the segmentation's features. */
	public record Member(AccountId account, int cluster, double[] values) {
	}

	private RowMapper<Member> memberRow() {
		return (rs, row) -> new Member(new AccountId(rs.getObject(1, UUID.class)), rs.getInt(2),
				json.readValue(rs.getString(3), double[].class));
	}

	/**
	 * A page of the cluster's accounts that the actor may see, in the order of their ids; counted up to
	 * {@link org.rapport.identity.VisibleQuery#COUNT_LIMIT}. For administrators and analysts.
	 */
	public ResultPage<Member> members(Actor actor, UUID id, int cluster, int page, int size) {
		Workbench.check(actor);
		return VisibleAccounts.of(actor, "a").page(jdbc, "a.account_id, a.cluster, a.feature_values",
				"from account_segment a where a.segmentation_id = ? and a.cluster = ?", List.of(id, cluster),
				"a.account_id", memberRow(), page, size);
	}

	/**
	 * Hands the cluster's accounts that the actor may see to the consumer a batch at a time, in the order of their
	 * ids, for an export. For administrators and analysts.
	 */
	public void forEachVisibleMember(Actor actor, UUID id, int cluster, Consumer<List<Member>> batch) {
		Workbench.check(actor);
		VisibleAccounts visible = VisibleAccounts.of(actor, "a");
		UUID after = null;
		while (true) {
			List<Object> arguments = new ArrayList<>(List.of(id, cluster));
			if (after != null) {
				arguments.add(after);
			}
			arguments.addAll(visible.arguments());
			arguments.add(BATCH);
			List<Member> members = jdbc.query("select a.account_id, a.cluster, a.feature_values from account_segment a "
					+ "where a.segmentation_id = ? and a.cluster = ?" + (after != null ? " and a.account_id > ?" : "")
					+ visible.condition() + " order by a.account_id limit ?", memberRow(), arguments.toArray());
			if (members.isEmpty()) {
				return;
			}
			batch.accept(members);
			if (members.size() < BATCH) {
				return;
			}
			after = members.get(members.size() - 1).account().value();
		}
	}

	/** The account's cluster in a saved segmentation. */
	public record Membership(UUID segmentationId, String segmentation, java.time.Instant created, int cluster,
			String clusterName) {

		/** The cluster's name, or its default. */
		public String clusterNameOrDefault() {
			return clusterName != null ? clusterName : cluster == NOISE ? "Noise" : "Cluster " + cluster;
		}
	}

	/** The account's cluster in each saved segmentation, newest first (at most 50). */
	public List<Membership> of(AccountId account) {
		return jdbc.query("select s.id, s.name, s.created, a.cluster, c.name from account_segment a "
				+ "join analytics_segmentation s on s.id = a.segmentation_id "
				+ "left join analytics_cluster c on c.segmentation_id = a.segmentation_id and c.cluster = a.cluster "
				+ "where a.account_id = ? order by s.created desc, s.id desc limit 50",
				(rs, row) -> new Membership(rs.getObject(1, UUID.class), rs.getString(2),
						rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getInt(4), rs.getString(5)),
				account.value());
	}

	// ---------------------------------------------------------------------------------- for other modules

	@Override
	public List<SavedSegment> segmentations() {
		List<Summary> summaries = jdbc.query(SUMMARY + "order by created desc, id desc limit 500", summaryRow());
		// the clusters of all of them in one query
		Map<UUID, List<Cluster>> clusters = new HashMap<>();
		jdbc.query(CLUSTER + "where segmentation_id in (select id from analytics_segmentation "
				+ "order by created desc, id desc limit 500)" + CLUSTER_ORDER, clusterRow())
			.forEach(entry -> clusters.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
				.add(new Cluster(entry.getValue().number(), entry.getValue().nameOrDefault(), entry.getValue().size())));
		return summaries.stream()
			.map(summary -> new SavedSegment(summary.id(), summary.name(), summary.created(),
					clusters.getOrDefault(summary.id(), List.of())))
			.toList();
	}

	@Override
	public long count(UUID segmentationId, int cluster) {
		Long count = jdbc.queryForObject("select count(*) from account_segment where segmentation_id = ? "
				+ "and cluster = ?", Long.class, segmentationId, cluster);
		return count == null ? 0 : count;
	}

	@Override
	public void forEachMember(UUID segmentationId, int cluster, Consumer<AccountId> each) {
		UUID after = null;
		while (true) {
			List<UUID> ids = after == null
					? jdbc.queryForList("select account_id from account_segment where segmentation_id = ? "
							+ "and cluster = ? order by account_id limit ?", UUID.class, segmentationId, cluster, BATCH)
					: jdbc.queryForList("select account_id from account_segment where segmentation_id = ? "
							+ "and cluster = ? and account_id > ? order by account_id limit ?", UUID.class,
							segmentationId, cluster, after, BATCH);
			ids.forEach(id -> each.accept(new AccountId(id)));
			if (ids.size() < BATCH) {
				return;
			}
			after = ids.get(ids.size() - 1);
		}
	}
}
