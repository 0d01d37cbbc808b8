package org.rapport.sales.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
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
import org.rapport.customers.LifecycleStatus;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
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
 * The nightly lifecycle job takes its day from the application's clock: a customer who bought once becomes Lost on
 * the first night after a year without a purchase, not before, and the move is dated that night; a night that finds
 * it lost since some days dates the move on the day it took effect.
 */
@RapportTest
@Import(TestClock.Setup.class)
class NightlyLifecycleIntegrationTests {

	static final Instant BOUGHT = Instant.parse("2026-06-15T10:00:00Z");

	@Autowired
	TestClock clock;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	OrderBook orders;

	@Autowired
	RecurringTask<Void> lifecycleCalendarTask;

	@BeforeEach
	void stopTheClock() {
		clock.setTo(BOUGHT);
	}

	@Test
	void aCustomerWithoutAPurchaseForAYearIsLostOnTheNightAfterTheYearEnds() {
		AccountId account = boughtOnce();

		clock.setTo(Instant.parse("2027-06-15T01:30:00Z"));
		runTheNightlyJob();
		assertThat(customers.lifecycleOf(account).orElseThrow().stage()).as("a year to the day")
			.isEqualTo(LifecycleStage.NEW);

		clock.setTo(Instant.parse("2027-06-16T01:30:00Z"));
		runTheNightlyJob();
		LifecycleStatus lost = customers.lifecycleOf(account).orElseThrow();
		assertThat(lost.stage()).isEqualTo(LifecycleStage.LOST);
		assertThat(lost.since()).isEqualTo(Instant.parse("2027-06-16T01:30:00Z"));
	}

	@Test
	void aNightThatFindsACustomerLostSinceSomeDaysDatesTheMoveOnTheDayItTookEffect() {
		AccountId account = boughtOnce();

		// the nights in between did not run
		clock.setTo(Instant.parse("2027-06-20T01:30:00Z"));
		runTheNightlyJob();
		LifecycleStatus lost = customers.lifecycleOf(account).orElseThrow();
		assertThat(lost.stage()).isEqualTo(LifecycleStage.LOST);
		assertThat(lost.since()).isEqualTo(Instant.parse("2027-06-16T00:00:00Z"));
	}

	/** An account that bought once, on the day the clock stands at, and is New. */
	private AccountId boughtOnce() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = customers.openAccount(seller,
				new NewAccount(TestData.unique("Lapsing"), AccountType.COMPANY, null, null, null, null, null));
		Product product = catalogue.create(data.actor(data.user(null, Role.ADMIN)), new ProductDetails(
				TestData.unique("SKU"), "Seat", null, Money.of("10", "EUR"), null, true));
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), LocalDate.of(2026, 6, 15), null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null))));
		orders.confirm(seller, order.getId(), order.getVersion());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(customers.lifecycleOf(account).orElseThrow().stage())
				.isEqualTo(LifecycleStage.NEW));
		return account;
	}

	/** What db-scheduler does at half past one every night. */
	private void runTheNightlyJob() {
		lifecycleCalendarTask.executeRecurringly(lifecycleCalendarTask.instance("on-demand"), null);
	}
}
