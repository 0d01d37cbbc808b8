package org.rapport.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTestOnOwnData;
import org.rapport.TestData;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.rapport.analytics.internal.ProductRecommendations.PairedProduct;
import org.rapport.analytics.internal.ProductRecommendations.RecommendedProduct;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.ProductId;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.web.CommerceFixtures;
import org.rapport.shared.NotPermitted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recommendations learn from the confirmed order lines which products go together: an account that bought A is
 * recommended B because of A, A is bought together with B, a retired product is never recommended, and the run keeps
 * the check of the model against the most popular products on each account's latest orders.
 */
@RapportTestOnOwnData
@Import({ CommerceFixtures.class, ChurnHistories.class })
class ProductRecommendationsIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	ProductRecommendations recommendations;

	@Autowired
	AnalyticsJobs jobs;

	@Autowired
	AnalyticsRuns runs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void anAccountThatBoughtAIsRecommendedBBecauseOfAAndTheRunKeepsItsCheck() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		Actor analyst = data.actor(data.user(data.team(), Role.ANALYST));
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		Product a = fixtures.product("10", "EUR");
		Product b = fixtures.product("20", "EUR");
		Product c = fixtures.product("30", "EUR");
		Product retired = fixtures.product("40", "EUR");
		LocalDate today = LocalDate.now();
		// accounts that buy A and B together (and a product since retired), others B and C
		for (int i = 0; i < 3; i++) {
			fixtures.confirmedOrder(seller, fixtures.account(seller, "A and B"), today.minusDays(90), a, b, retired);
			fixtures.confirmedOrder(seller, fixtures.account(seller, "B and C"), today.minusDays(90), b, c);
		}
		// accounts that bought A, then B: the check holds their latest order (B) out and asks for it
		List<AccountId> checked = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			AccountId account = fixtures.account(seller, "A then B");
			fixtures.confirmedOrder(seller, account, today.minusDays(60), a);
			fixtures.confirmedOrder(seller, account, today.minusDays(30), b);
			checked.add(account);
		}
		// a dozen products that many buy, each on its own, so that the most popular ten leave B out
		List<Product> popular = new ArrayList<>();
		for (int p = 0; p < 12; p++) {
			popular.add(fixtures.product("5", "EUR"));
		}
		// (eight accounts each, where six bought B before the latest orders)
		for (int i = 0; i < 8; i++) {
			fixtures.confirmedOrder(seller, fixtures.account(seller, "Popular"), today.minusDays(45),
					popular.toArray(Product[]::new));
		}
		AccountId boughtA = fixtures.account(seller, "Bought A");
		fixtures.confirmedOrder(seller, boughtA, today.minusDays(10), a);
		AccountId neverBought = fixtures.account(seller, "Never bought");
		catalogue.deleteOrRetire(admin, retired.getId());

		UUID run = recommendations.runNow(analyst);
		assertThat(recommendations.runNow(analyst)).as("a run already waiting is not queued twice").isEqualTo(run);
		jobs.sweep();
		Run done = runs.latest(AnalyticsModel.RECOMMENDATIONS, 1).get(0);
		assertThat(done.id()).isEqualTo(run);
		assertThat(done.status()).as(done.error()).isEqualTo("DONE");

		List<RecommendedProduct> recommended = recommendations.of(boughtA);
		assertThat(recommended).isNotEmpty();
		RecommendedProduct first = recommended.get(0);
		assertThat(first.rank()).isEqualTo(1);
		assertThat(first.product().id()).isEqualTo(new ProductId(b.getId()));
		assertThat(first.product().name()).isEqualTo(b.getName());
		assertThat(first.score()).isPositive();
		assertThat(first.because()).extracting(product -> product.id()).containsExactly(new ProductId(a.getId()));
		assertThat(recommended).extracting(product -> product.product().id().value())
			.as("neither what it bought nor a retired product")
			.doesNotContain(a.getId(), retired.getId());
		for (AccountId account : checked) {
			assertThat(recommendations.of(account)).extracting(product -> product.product().id().value())
				.doesNotContain(a.getId(), b.getId());
		}
		assertThat(recommendations.of(neverBought)).isEmpty();

		List<PairedProduct> withA = recommendations.boughtWith(new ProductId(a.getId()));
		assertThat(withA).extracting(paired -> paired.product().id().value()).containsExactly(b.getId());
		assertThat(withA.get(0).buyers()).as("three bought A and B together, three A then B").isEqualTo(6);
		assertThat(withA.get(0).similarity()).isPositive();
		assertThat(recommendations.boughtWith(new ProductId(b.getId())))
			.extracting(paired -> paired.product().id().value())
			.containsExactlyInAnyOrder(a.getId(), c.getId());
		assertThat(jdbc.queryForObject("select count(*) from account_recommendation where account_id = ? "
				+ "and owner_id = ?", Integer.class, boughtA.value(), seller.id().value()))
			.as("the owner is kept beside each row").isEqualTo(recommended.size());

		JsonNode figures = json.readTree(done.figures());
		assertThat(figures.path("k").asInt()).isEqualTo(10);
		assertThat(figures.path("products").asInt()).isGreaterThanOrEqualTo(16);
		assertThat(figures.path("accounts").asInt()).isGreaterThanOrEqualTo(18);
		// the accounts of the popular dozen bought all that goes with it: nothing is left to recommend them
		assertThat(figures.path("recommended").asInt()).isGreaterThanOrEqualTo(10);
		JsonNode evaluation = figures.path("evaluation");
		assertThat(evaluation.path("users").asInt()).isGreaterThanOrEqualTo(checked.size());
		JsonNode model = evaluation.path("model");
		JsonNode mostPopular = evaluation.path("mostPopular");
		assertThat(model.path("precisionAtK").asDouble()).isBetween(0.0, 1.0);
		assertThat(model.path("recallAtK").asDouble()).isBetween(0.0, 1.0);
		assertThat(mostPopular.path("recallAtK").isNumber()).isTrue();
		// the model finds B for the accounts that bought A; the most popular ten do not
		assertThat(model.path("recallAtK").asDouble()).isGreaterThan(mostPopular.path("recallAtK").asDouble());
		assertThat(model.path("precisionAtK").asDouble())
			.isGreaterThan(mostPopular.path("precisionAtK").asDouble());

		// a second run replaces the first one's rows
		UUID second = recommendations.runNow(analyst);
		jobs.sweep();
		assertThat(jdbc.queryForObject("select count(*) from account_recommendation where run_id <> ?", Integer.class,
				second)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from product_pairing where run_id <> ?", Integer.class,
				second)).isZero();
		assertThat(recommendations.of(boughtA).get(0).product().id()).isEqualTo(new ProductId(b.getId()));
	}

	@Test
	void onlyAnalystsAndAdministratorsRunTheRecommendations() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		assertThatThrownBy(() -> recommendations.runNow(seller)).isInstanceOf(NotPermitted.class);
	}

}
