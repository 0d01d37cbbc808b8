package org.rapport.sales.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;

@RapportTest
class CustomerLifecycleIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	OrderBook orders;

	@Autowired
	ContractBook contracts;

	@Autowired
	CustomerLifecycle lifecycle;

	@Test
	void confirmingTheFirstOrderMakesTheProspectNewAndRecordsWhy() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = account(seller);
		Product product = catalogue.create(data.actor(data.user(null, Role.ADMIN)),
				new ProductDetails(TestData.unique("SKU"), "Seat", null, Money.of("10", "EUR"), null, true));
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), LocalDate.now(), null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null))));

		orders.confirm(seller, order.getId(), order.getVersion());

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(customers.lifecycleOf(account).orElseThrow().stage())
				.isEqualTo(LifecycleStage.NEW));
		assertThat(customers.lifecycleOf(account).orElseThrow().since()).isNotNull();
	}

	@Test
	void theNightlyPassMakesACustomerWithoutPurchasesForAYearLost() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = account(seller);
		LocalDate today = contracts.today();
		contracts.create(seller, new ContractDetails(account.value(), null, today.minusDays(800),
				today.minusDays(500), new BigDecimal("100"), "EUR", false, 0, null));
		lifecycle.follow(account, today.minusDays(790));
		assertThat(customers.lifecycleOf(account).orElseThrow().stage()).isEqualTo(LifecycleStage.NEW);

		lifecycle.followAll(today);

		assertThat(customers.lifecycleOf(account).orElseThrow().stage()).isEqualTo(LifecycleStage.LOST);
	}

	private AccountId account(Actor owner) {
		return customers.openAccount(owner,
				new NewAccount(TestData.unique("Lifecycle"), AccountType.COMPANY, null, null, null, null, null));
	}
}
