package org.rapport.analytics.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.analytics.internal.recommend.HoldOut;
import org.rapport.analytics.internal.recommend.Interaction;
import org.rapport.analytics.internal.recommend.Interactions;
import org.rapport.analytics.internal.recommend.ItemBasedRecommender;
import org.rapport.analytics.internal.recommend.MostPopular;
import org.rapport.analytics.internal.recommend.RankingEvaluation;
import org.rapport.analytics.internal.recommend.RankingQuality;
import org.rapport.analytics.internal.recommend.Recommendation;
import org.rapport.analytics.internal.recommend.RelatedItem;
import org.rapport.customers.AccountFacts.AccountFact;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.sales.ProductId;
import org.rapport.sales.ProductNames;
import org.rapport.sales.ProductNames.NamedProduct;
import org.rapport.sales.Purchases;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recommends products to every account that bought, from the CRM's confirmed order lines read as implicit feedback
 * (an account has a product or not): the item-based model is first checked by holding out each account's latest
 * orders, beside the most popular products as the baseline, then fitted on all orders; each account keeps its best
 * products with the products it bought that led to each, and each product the products most often bought with it.
 */
@Service
public class ProductRecommendations {

	private static final Logger log = LoggerFactory.getLogger(ProductRecommendations.class);

	/** How many products each account and each product keeps. */
	public static final int TOP = 10;

	/** The share of each account's order days held out to check the model. */
	static final double HOLD_OUT = 0.2;

	/** How many accounts' recommendations one transaction writes. */
	static final int WRITE_BATCH = 1_000;

	/** The parameters every run is queued with. */
	static final String PARAMETERS = "{\"k\": " + TOP + ", \"holdOut\": " + HOLD_OUT + ", \"neighbours\": "
			+ ItemBasedRecommender.DEFAULT_NEIGHBOURS + "}";

	private final Purchases purchases;
	private final ProductNames products;
	private final AnalyticsRuns runs;
	private final AccountOwners owners;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final JsonMapper json;

	ProductRecommendations(Purchases purchases, ProductNames products, AnalyticsRuns runs, AccountOwners owners,
			JdbcTemplate jdbc, PlatformTransactionManager transactions, JsonMapper json) {
		this.purchases = purchases;
		this.products = products;
		this.runs = runs;
		this.owners = owners;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
	}

	/** Queues a run for an administrator or analyst; answers the run (one already waiting if any). */
	public UUID runNow(Actor actor) {
		if (!Workbench.mayUse(actor)) {
			throw new NotPermitted("analytics.recommendations.notPermitted",
					"Only administrators and analysts run the recommendations");
		}
		return runs.queue(AnalyticsModel.RECOMMENDATIONS, PARAMETERS, actor.id().value());
	}

	/**
	 * Checks the model on each account's latest orders, then recommends to every account that bought and pairs every
	 * product bought; answers the figures as JSON. Runs in the analytics pool, called by the sweep of queued runs.
	 */
	String compute(UUID run) {
		long started = System.nanoTime();
		List<Interaction<UUID, UUID>> lines = new ArrayList<>();
		Interactions.Builder<UUID, UUID> everything = Interactions.builder();
		@SuppressWarnings("unchecked")
		Interaction<UUID, UUID>[] previous = new Interaction[1];
		purchases.forEachLine(line -> {
			Interaction<UUID, UUID> interaction = new Interaction<>(line.account().value(), line.product().value(),
					line.date());
			// lines come by account and day: the same product twice in a day is one interaction
			if (!interaction.equals(previous[0])) {
				lines.add(interaction);
				everything.add(interaction.user(), interaction.item());
				previous[0] = interaction;
			}
		});
		Interactions<UUID, UUID> all = everything.build();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("k", TOP);
		figures.put("holdOut", HOLD_OUT);
		figures.put("accounts", all.userCount());
		figures.put("products", all.itemCount());
		figures.put("interactions", all.size());
		figures.put("orderLines", lines.size());
		if (all.isEmpty()) {
			figures.put("note", "no purchases");
			clear(run);
			return json.writeValueAsString(figures);
		}
		figures.put("evaluation", evaluate(lines));
		lines.clear();

		ItemBasedRecommender<UUID, UUID> model = ItemBasedRecommender.fit(all);
		Set<UUID> retired = retired(all);
		figures.put("recommended", writeRecommendations(run, model, retired));
		figures.put("pairs", writePairings(run, model, retired));
		figures.put("seconds", (System.nanoTime() - started) / 1e9);
		log.info("Recommendations: {} accounts, {} products in {} ms", all.userCount(), all.itemCount(),
				(System.nanoTime() - started) / 1_000_000);
		return json.writeValueAsString(figures);
	}

	/**
	 * Precision and recall at k of the model and of the most popular products, trained on all but each account's
	 * latest orders and tested on those; why not, when the orders leave nothing to test.
	 */
	private Map<String, Object> evaluate(List<Interaction<UUID, UUID>> lines) {
		Map<String, Object> evaluation = new LinkedHashMap<>();
		HoldOut.Split<UUID, UUID> split = HoldOut.lastOrders(lines, HOLD_OUT);
		evaluation.put("trainInteractions", split.train().size());
		evaluation.put("testInteractions", split.test().size());
		try {
			RankingQuality model = RankingEvaluation.evaluate(split.train(), split.test(), TOP);
			RankingQuality popular = RankingEvaluation.evaluate(split.train(), split.test(), TOP, MostPopular::fit);
			evaluation.put("users", model.users());
			evaluation.put("model", quality(model));
			evaluation.put("mostPopular", quality(popular));
		}
		catch (InvalidField nothingToTest) {
			// say, every account bought on one day only: the recommendations stand, unchecked
			evaluation.put("note", java.text.MessageFormat.format(nothingToTest.getMessage(),
					nothingToTest.getArguments()));
		}
		return evaluation;
	}

	private static Map<String, Object> quality(RankingQuality quality) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("users", quality.users());
		figures.put("precisionAtK", quality.precisionAtK());
		figures.put("recallAtK", quality.recallAtK());
		return figures;
	}

	/** The products bought that the catalogue no longer sells (or no longer holds), never recommended. */
	private Set<UUID> retired(Interactions<UUID, UUID> all) {
		List<ProductId> ids = new ArrayList<>(all.itemCount());
		for (int item = 0; item < all.itemCount(); item++) {
			ids.add(new ProductId(all.item(item)));
		}
		Map<ProductId, NamedProduct> named = products.of(ids);
		Set<UUID> retired = new HashSet<>();
		for (ProductId id : ids) {
			NamedProduct product = named.get(id);
			if (product == null || !product.active()) {
				retired.add(id.value());
			}
		}
		return retired;
	}

	private int writeRecommendations(UUID run, ItemBasedRecommender<UUID, UUID> model, Set<UUID> retired) {
		List<Map.Entry<UUID, List<Recommendation<UUID>>>> batch = new ArrayList<>(WRITE_BATCH);
		int[] written = { 0 };
		model.forEachUser(TOP + retired.size(), (account, recommended) -> {
			List<Recommendation<UUID>> kept = recommended.stream()
				.filter(recommendation -> !retired.contains(recommendation.item()))
				.limit(TOP)
				.toList();
			batch.add(Map.entry(account, kept));
			if (batch.size() == WRITE_BATCH) {
				written[0] += write(run, batch);
				batch.clear();
			}
		});
		written[0] += write(run, batch);
		// accounts that bought nothing since an earlier run keep none of its recommendations
		jdbc.update("delete from account_recommendation where run_id <> ?", run);
		return written[0];
	}

	/** Replaces the recommendations of these accounts; answers how many accounts got at least one. */
	private int write(UUID run, List<Map.Entry<UUID, List<Recommendation<UUID>>>> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		Map<AccountId, AccountFact> facts = owners
			.of(batch.stream().map(entry -> new AccountId(entry.getKey())).toList());
		List<Object[]> keys = new ArrayList<>(batch.size());
		List<Object[]> rows = new ArrayList<>();
		int accounts = 0;
		for (Map.Entry<UUID, List<Recommendation<UUID>>> entry : batch) {
			keys.add(new Object[] { entry.getKey() });
			AccountFact fact = facts.get(new AccountId(entry.getKey()));
			if (fact == null || entry.getValue().isEmpty()) {
				continue; // gone since its orders were read, or nothing left to recommend
			}
			accounts++;
			int rank = 1;
			for (Recommendation<UUID> recommendation : entry.getValue()) {
				rows.add(new Object[] { entry.getKey(), rank++, recommendation.item(), recommendation.score(),
						json.writeValueAsString(recommendation.because()), fact.owner().value(),
						fact.team() == null ? null : fact.team().value(), run });
			}
		}
		transactions.executeWithoutResult(status -> {
			jdbc.batchUpdate("delete from account_recommendation where account_id = ?", keys);
			jdbc.batchUpdate("insert into account_recommendation (account_id, rank, product_id, score, because, "
					+ "owner_id, team_id, run_id) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
		});
		return accounts;
	}

	private int writePairings(UUID run, ItemBasedRecommender<UUID, UUID> model, Set<UUID> retired) {
		Interactions<UUID, UUID> all = model.interactions();
		int pairs = 0;
		for (int from = 0; from < all.itemCount(); from += WRITE_BATCH) {
			int to = Math.min(all.itemCount(), from + WRITE_BATCH);
			List<Object[]> keys = new ArrayList<>(to - from);
			List<Object[]> rows = new ArrayList<>();
			for (int item = from; item < to; item++) {
				UUID product = all.item(item);
				keys.add(new Object[] { product });
				int rank = 1;
				for (RelatedItem<UUID> related : model.boughtTogether(product, TOP + retired.size())) {
					if (rank <= TOP && !retired.contains(related.item())) {
						rows.add(new Object[] { product, rank++, related.item(), related.similarity(),
								related.commonUsers(), run });
					}
				}
			}
			pairs += rows.size();
			transactions.executeWithoutResult(status -> {
				jdbc.batchUpdate("delete from product_pairing where product_id = ?", keys);
				jdbc.batchUpdate("insert into product_pairing (product_id, rank, other_product_id, score, buyers, "
						+ "run_id) values (?, ?, ?, ?, ?, ?)", rows);
			});
		}
		jdbc.update("delete from product_pairing where run_id <> ?", run);
		return pairs;
	}

	/** Without a purchase, no recommendation of an earlier run stands. */
	private void clear(UUID run) {
		jdbc.update("delete from account_recommendation where run_id <> ?", run);
		jdbc.update("delete from product_pairing where run_id <> ?", run);
	}

	/**
	 * The products recommended to the account as the last run found them, best first, each with the products it
	 * bought that led to it; the caller has checked that the actor may see the account.
	 */
	public List<RecommendedProduct> of(AccountId account) {
		record Row(int rank, UUID product, double score, List<UUID> because) {
		}
		List<Row> rows = jdbc.query("select rank, product_id, score, because from account_recommendation "
				+ "where account_id = ? order by rank", (rs, row) -> new Row(rs.getInt(1),
						rs.getObject(2, UUID.class), rs.getDouble(3), because(rs.getString(4))),
				account.value());
		List<ProductId> named = new ArrayList<>();
		rows.forEach(row -> {
			named.add(new ProductId(row.product()));
			row.because().forEach(id -> named.add(new ProductId(id)));
		});
		Map<ProductId, NamedProduct> names = products.of(named);
		List<RecommendedProduct> recommended = new ArrayList<>(rows.size());
		for (Row row : rows) {
			NamedProduct product = names.get(new ProductId(row.product()));
			if (product == null) {
				continue;
			}
			recommended.add(new RecommendedProduct(row.rank(), product, row.score(), row.because().stream()
				.map(id -> names.get(new ProductId(id)))
				.filter(java.util.Objects::nonNull)
				.toList()));
		}
		return recommended;
	}

	/** The products most often bought with this one as the last run found them, most similar first. */
	public List<PairedProduct> boughtWith(ProductId product) {
		record Row(int rank, UUID other, double score, int buyers) {
		}
		List<Row> rows = jdbc.query("select rank, other_product_id, score, buyers from product_pairing "
				+ "where product_id = ? order by rank", (rs, row) -> new Row(rs.getInt(1), rs.getObject(2, UUID.class),
						rs.getDouble(3), rs.getInt(4)),
				product.value());
		Map<ProductId, NamedProduct> names = products
			.of(rows.stream().map(row -> new ProductId(row.other())).toList());
		List<PairedProduct> paired = new ArrayList<>(rows.size());
		for (Row row : rows) {
			NamedProduct other = names.get(new ProductId(row.other()));
			if (other != null) {
				paired.add(new PairedProduct(row.rank(), other, row.score(), row.buyers()));
			}
		}
		return paired;
	}

	/** The product itself, if the catalogue holds it. */
	public java.util.Optional<NamedProduct> product(ProductId product) {
		return java.util.Optional.ofNullable(products.of(List.of(product)).get(product));
	}

	private List<UUID> because(String ids) {
		List<UUID> because = new ArrayList<>();
		json.readTree(ids).forEach(id -> because.add(UUID.fromString(id.asString())));
		return because;
	}

	/** When the last run that finished well finished, if one did. */
	public java.util.Optional<Instant> computedAt() {
		return runs.lastDone(AnalyticsModel.RECOMMENDATIONS).map(AnalyticsRuns.Run::finishedAt);
	}

	/**
	 * A product recommended to an account: its rank, the product, its score (the summed similarity to what the
	 * account bought) and the products the account bought that added most to it.
	 */
	public record RecommendedProduct(int rank, NamedProduct product, double score, List<NamedProduct> because) {
	}

	/** A product bought with another one: its rank, the product, the similarity and how many accounts bought both. */
	public record PairedProduct(int rank, NamedProduct product, double similarity, int buyers) {
	}

}
