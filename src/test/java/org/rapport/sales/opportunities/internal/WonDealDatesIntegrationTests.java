package org.rapport.sales.opportunities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.StageKind;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * A won deal's dates on a fixed day: the opportunity, its order, the revenue to date and the lifecycle agree.
 */
@RapportTest
@Import(TestClock.Setup.class)
class WonDealDatesIntegrationTests {

	static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	@Autowired
	TestClock clock;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	OpportunityService opportunities;

	@Autowired
	PipelineService pipelines;

	@Autowired
	OrderBook orders;

	@BeforeEach
	void onAFixedDay() {
		clock.setTo(NOW);
	}

	@Test
	void aDealWonBeforeItsCloseDateClosesOrdersAndCountsAsRevenueOnTheDayItWasWon() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = account(actor, "Early winner");
		Product product = catalogue.create(data.actor(data.user(null, Role.ADMIN)), new ProductDetails(
				TestData.unique("SKU"), "Licence", null, Money.of("100", "EUR"), null, true));
		Pipeline pipeline = pipelines.defaultPipeline();
		Opportunity deal = opportunities.create(actor, new OpportunityDraft(account.value(), "Early deal",
				pipeline.getId(), null, Money.of("0", "EUR"), LocalDate.of(2026, 9, 30), null, null, null, null, null,
				List.of(new Opportunity.LineRequest(product.getId(), new BigDecimal("2"), null, null))));
		Stage won = pipeline.getStages().stream().filter(stage -> stage.getKind() == StageKind.WON).findFirst()
			.orElseThrow();

		Opportunity closed = opportunities.move(actor, deal.getId(), deal.getVersion(), won.getId(), null, null);

		assertThat(closed.getCloseDate()).isEqualTo(TODAY);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(orders.orderOf(closed.id())).get()
				.satisfies(order -> assertThat(order.getOrderDate()).isEqualTo(TODAY)));
		assertThat(orders.revenueOf(account)).containsExactly(Money.of("200", "EUR"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(customers.lifecycleOf(account).orElseThrow().stage())
				.isEqualTo(LifecycleStage.NEW));
	}

	@Test
	void anOrderDatedAheadCountsNeitherAsRevenueNorAsAPurchaseBeforeItsDay() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = account(actor, "Future buyer");
		Product product = catalogue.create(data.actor(data.user(null, Role.ADMIN)), new ProductDetails(
				TestData.unique("SKU"), "Licence", null, Money.of("100", "EUR"), null, true));
		SalesOrder order = orders.create(actor, new OrderDetails(account.value(), TODAY.plusDays(20), null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null))));

		orders.confirm(actor, order.getId(), order.getVersion());

		assertThat(orders.revenueOf(account)).isEmpty();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(customers.lifecycleOf(account).orElseThrow().stage())
				.isEqualTo(LifecycleStage.PROSPECT));
	}

	private AccountId account(Actor actor, String name) {
		return customers.openAccount(actor,
				new NewAccount(TestData.unique(name), AccountType.COMPANY, null, null, null, null, null));
	}
}
