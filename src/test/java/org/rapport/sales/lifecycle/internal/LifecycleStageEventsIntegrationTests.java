package org.rapport.sales.lifecycle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.LifecycleStageChanged;
import org.rapport.customers.NewAccount;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountMerge;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.Lifecycle;
import org.rapport.customers.internal.LifecycleChange;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.shared.Money;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every path that changes an account's lifecycle stage publishes one {@link LifecycleStageChanged} after its commit
 * for a real move, and none when the stage stays.
 */
@RapportTest
@Import({ TestClock.Setup.class, LifecycleStageEventsIntegrationTests.Recorder.class })
class LifecycleStageEventsIntegrationTests {

	static final Instant BOUGHT = Instant.parse("2026-06-15T10:00:00Z");

	@Autowired
	TestClock clock;

	@Autowired
	TestData data;

	@Autowired
	Recorder recorder;

	@Autowired
	Customers customers;

	@Autowired
	AccountService accounts;

	@Autowired
	AccountMerge merges;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	ProductCatalogue catalogue;

	@Autowired
	OrderBook orders;

	@Autowired
	RecurringTask<Void> lifecycleCalendarTask;

	User admin;

	Actor actor;

	@BeforeEach
	void setUp() {
		clock.setTo(BOUGHT);
		admin = data.user(data.team(), Role.ADMIN);
		actor = data.actor(admin);
	}

	@Test
	void aStageChangedOnTheFormIsOneMoveByTheUser() {
		AccountId account = open("Hand set");

		edit(account, "Hand set", LifecycleStage.EXISTING);

		assertThat(recorder.of(account)).containsExactly(new LifecycleStageChanged(account, LifecycleStage.PROSPECT,
				LifecycleStage.EXISTING, "Set on the account form", BOUGHT));
		List<LifecycleChange> history = lifecycle.historyOf(actor, account.value(), 10);
		assertThat(history).hasSize(1);
		assertThat(history.get(0).getReason()).isEqualTo("Set on the account form");
		assertThat(history.get(0).getChangedBy()).isEqualTo(admin.getId());
		assertThat(history.get(0).getChangedAt()).isEqualTo(BOUGHT);
	}

	@Test
	void anEditThatKeepsTheStageMovesNothing() {
		AccountId account = open("Kept");

		edit(account, "Kept, renamed", LifecycleStage.PROSPECT);

		assertThat(recorder.of(account)).isEmpty();
		assertThat(lifecycle.historyOf(actor, account.value(), 10)).isEmpty();
		assertThat(customers.lifecycleOf(account).orElseThrow().stage()).isEqualTo(LifecycleStage.PROSPECT);
	}

	@Test
	void aMergeThatTakesTheMergedStageIsOneMove() {
		AccountId survivor = open("Survivor");
		AccountId merged = open("Merged");
		edit(merged, "Merged", LifecycleStage.NEW);

		merges.merge(actor, survivor.value(), version(survivor), merged.value(), version(merged),
				Map.of("lifecycleStage", "merged"));

		assertThat(recorder.of(survivor)).containsExactly(new LifecycleStageChanged(survivor, LifecycleStage.PROSPECT,
				LifecycleStage.NEW, "Kept from a merged account", BOUGHT));
		assertThat(lifecycle.historyOf(actor, survivor.value(), 10)).singleElement()
			.satisfies(change -> assertThat(change.getChangedBy()).isEqualTo(admin.getId()));
	}

	@Test
	void aConfirmedOrderMovesTheProspectOnce() {
		AccountId account = open("Buyer");

		buy(account);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(recorder.of(account)).isNotEmpty());
		assertThat(recorder.of(account)).singleElement().satisfies(changed -> {
			assertThat(changed.from()).isEqualTo(LifecycleStage.PROSPECT);
			assertThat(changed.to()).isEqualTo(LifecycleStage.NEW);
		});
		assertThat(customers.lifecycleOf(account).orElseThrow().stage()).isEqualTo(LifecycleStage.NEW);
	}

	@Test
	void theNightlyJobMovesALapsedCustomerOnceAndThenLeavesItBe() {
		AccountId account = open("Lapsing");
		buy(account);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(recorder.of(account)).hasSize(1));

		clock.setTo(Instant.parse("2027-06-16T01:30:00Z"));
		runTheNightlyJob();
		runTheNightlyJob();

		assertThat(recorder.of(account)).hasSize(2);
		LifecycleStageChanged lost = recorder.of(account).get(1);
		assertThat(lost.from()).isEqualTo(LifecycleStage.NEW);
		assertThat(lost.to()).isEqualTo(LifecycleStage.LOST);
		assertThat(lost.at()).isEqualTo(Instant.parse("2027-06-16T01:30:00Z"));
		assertThat(lifecycle.historyOf(actor, account.value(), 10)).hasSize(2)
			.allSatisfy(change -> assertThat(change.getChangedBy()).isNull());
	}

	private AccountId open(String name) {
		return customers.openAccount(actor,
				new NewAccount(TestData.unique(name), AccountType.COMPANY, null, null, null, null, null));
	}

	private void edit(AccountId account, String name, LifecycleStage stage) {
		Account found = accounts.get(actor, account.value());
		accounts.update(actor, account.value(), found.getVersion(), new AccountDetails(TestData.unique(name),
				AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, stage, null, null), null, null);
	}

	private long version(AccountId account) {
		return accounts.get(actor, account.value()).getVersion();
	}

	private void buy(AccountId account) {
		Product product = catalogue.create(actor,
				new ProductDetails(TestData.unique("SKU"), "Seat", null, Money.of("10", "EUR"), null, true));
		SalesOrder order = orders.create(actor, new OrderDetails(account.value(), LocalDate.of(2026, 6, 15), null,
				null, List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null))));
		orders.confirm(actor, order.getId(), order.getVersion());
	}

	/** What db-scheduler does at half past one every night. */
	private void runTheNightlyJob() {
		lifecycleCalendarTask.executeRecurringly(lifecycleCalendarTask.instance("on-demand"), null);
	}

	/** Counts the stage changes that reach the listeners after their commit, from whichever thread. */
	static class Recorder {

		private final List<LifecycleStageChanged> changes = new CopyOnWriteArrayList<>();

		@TransactionalEventListener
		void on(LifecycleStageChanged changed) {
			changes.add(changed);
		}

		List<LifecycleStageChanged> of(AccountId account) {
			return changes.stream().filter(changed -> changed.account().equals(account)).toList();
		}
	}
}
