package org.rapport.sales.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OpportunityWon;
import org.rapport.sales.ProductId;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

@RapportTest
class WonOpportunityOrdersIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	SalesOrders orders;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aWonOpportunityWithLinesBecomesOneConfirmedOrderHoweverOftenItIsAnnounced() {
		User seller = data.user(data.team(), Role.SALES);
		Actor actor = data.actor(seller);
		AccountId account = customers.openAccount(actor,
				new NewAccount(TestData.unique("Winner"), AccountType.COMPANY, null, null, null, null, null));
		Product product = catalogue.create(data.actor(data.user(null, Role.ADMIN)), new ProductDetails(
				TestData.unique("SKU"), "Licence", null, Money.of("100", "EUR"), null, true));
		OpportunityId opportunity = new OpportunityId(UUID.randomUUID());
		OpportunityWon won = new OpportunityWon(opportunity, account, Money.of("270", "EUR"), LocalDate.of(2026, 4, 1),
				seller.userId(), List.of(new OpportunityWon.Line(new ProductId(product.getId()), new BigDecimal("3"),
						Money.of("100", "EUR"), new BigDecimal("10"))));

		transactions.executeWithoutResult(status -> events.publishEvent(won));
		transactions.executeWithoutResult(status -> events.publishEvent(won));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(orders.findByOpportunityId(opportunity.value())).isPresent());
		SalesOrder order = orders.findByOpportunityId(opportunity.value()).orElseThrow();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.getTotal()).isEqualTo(Money.of("270", "EUR"));
		assertThat(order.getOrderDate()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(order.getOwnerId()).isEqualTo(seller.getId());
		assertThat(orders.findByAccount(account.value(), org.springframework.data.domain.Pageable.unpaged()))
			.hasSize(1);
	}

	@Test
	void aWonOpportunityWithoutLinesMakesNoOrder() {
		User seller = data.user(data.team(), Role.SALES);
		AccountId account = customers.openAccount(data.actor(seller),
				new NewAccount(TestData.unique("NoLines"), AccountType.COMPANY, null, null, null, null, null));
		OpportunityId opportunity = new OpportunityId(UUID.randomUUID());
		transactions.executeWithoutResult(status -> events.publishEvent(new OpportunityWon(opportunity, account,
				Money.of("1", "EUR"), LocalDate.now(), seller.userId(), List.of())));
		assertThat(orders.findByOpportunityId(opportunity.value())).isEmpty();
	}
}
