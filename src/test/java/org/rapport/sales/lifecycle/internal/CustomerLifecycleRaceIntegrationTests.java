package org.rapport.sales.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.NewAccount;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.Lifecycle;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.shared.Money;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A purchase's lifecycle move that loses a race with a person's edit of the account neither fails that edit nor is
 * lost: it is decided again from what the account holds after the edit, and made.
 */
@RapportTest
@Import(CustomerLifecycleRaceIntegrationTests.Racing.class)
class CustomerLifecycleRaceIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	Racing racing;

	@Autowired
	AccountService accounts;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	OrderBook orders;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aMoveThatLosesARaceWithAnEditIsDecidedAgainAndTheEditStands() {
		Actor seller = data.actor(data.user(data.team(), Role.ADMIN));
		AccountId account = customers.openAccount(seller,
				new NewAccount(TestData.unique("Raced"), AccountType.COMPANY, null, null, null, null, null));
		String edited = TestData.unique("Edited meanwhile");
		TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		// the person's edit commits after the move read the account and before it saves it
		racing.before.put(account, () -> ownTransaction.executeWithoutResult(tx -> {
			Account read = accounts.get(seller, account.value());
			accounts.update(seller, account.value(), read.getVersion(), new AccountDetails(edited, AccountType.COMPANY,
					null, null, null, null, PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null), null, null);
		}));

		Product product = catalogue.create(seller,
				new ProductDetails(TestData.unique("SKU"), "Seat", null, Money.of("10", "EUR"), null, true));
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), LocalDate.now(), null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null))));
		orders.confirm(seller, order.getId(), order.getVersion());

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(customers.lifecycleOf(account).orElseThrow().stage())
				.isEqualTo(LifecycleStage.NEW));
		assertThat(racing.moves(account)).as("the move that lost and the one decided again").isEqualTo(2);
		assertThat(accounts.get(seller, account.value()).getName()).isEqualTo(edited);
		assertThat(lifecycle.historyOf(seller, account.value(), 10)).singleElement()
			.satisfies(change -> assertThat(change.getTo()).isEqualTo(LifecycleStage.NEW));
	}

	/** Runs what a test arms just before the first lifecycle move of an account, and counts the moves asked for. */
	@TestConfiguration
	static class Racing {

		final Map<AccountId, Runnable> before = new ConcurrentHashMap<>();

		final Map<AccountId, AtomicInteger> moves = new ConcurrentHashMap<>();

		int moves(AccountId account) {
			return moves.getOrDefault(account, new AtomicInteger()).get();
		}

		@Bean
		@Primary
		Customers racingCustomers(@Qualifier("customersFacade") Customers real) {
			return (Customers) Proxy.newProxyInstance(Customers.class.getClassLoader(),
					new Class<?>[] { Customers.class }, (proxy, method, args) -> {
						if (method.getName().equals("moveLifecycle")) {
							AccountId account = (AccountId) args[0];
							moves.computeIfAbsent(account, any -> new AtomicInteger()).incrementAndGet();
							Runnable race = before.remove(account);
							if (race != null) {
								race.run();
							}
						}
						try {
							return method.invoke(real, args);
						}
						catch (InvocationTargetException failed) {
							throw failed.getCause();
						}
					});
		}
	}
}
