package org.rapport.sales.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@RapportTest
class ContractCalendarIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	ContractBook contracts;

	@Autowired
	DataSource dataSource;

	@Autowired
	RecurringTask<Void> contractCalendarTask;

	@Test
	void theCalendarJobRunOnDemandStartsDraftsExpiresEndedContractsAndRenewsAutoRenewingOnes() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = customers.openAccount(actor,
				new NewAccount(TestData.unique("Calendar"), AccountType.COMPANY, null, null, null, null, null));
		LocalDate today = contracts.today();
		Contract starting = contracts.create(actor, details(account, today.plusDays(5), today.plusDays(60), false));
		Contract ending = contracts.create(actor, details(account, today.minusDays(60), today.plusDays(2), false));
		Contract renewing = contracts.create(actor, details(account, today.minusDays(27), today.plusDays(2), true));

		contracts.followCalendar(today.plusDays(5));

		assertThat(contracts.get(actor, starting.getId()).getStatus()).isEqualTo(ContractStatus.ACTIVE);
		assertThat(contracts.get(actor, ending.getId()).getStatus()).isEqualTo(ContractStatus.EXPIRED);
		Contract renewed = contracts.get(actor, renewing.getId());
		assertThat(renewed.getStatus()).isEqualTo(ContractStatus.RENEWED);
		Contract next = contracts.get(actor, renewed.getRenewedToId());
		assertThat(next.getStartDate()).isEqualTo(today.plusDays(3));
		assertThat(next.getStatus()).isEqualTo(ContractStatus.ACTIVE);
	}

	@Test
	void aContractRenewedBeforeItsEndKeepsTheAccountCoveredAndTheNightlyJobHandsOverTheDayAfterItsEnd() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = customers.openAccount(actor,
				new NewAccount(TestData.unique("Renewal"), AccountType.COMPANY, null, null, null, null, null));
		LocalDate today = contracts.today();
		Contract running = contracts.create(actor, details(account, today.minusDays(20), today.plusDays(9), false));

		Contract renewal = contracts.renew(actor, running.getId(), running.getVersion());

		assertThat(contracts.get(actor, running.getId()).getStatus()).isEqualTo(ContractStatus.ACTIVE);
		assertThat(renewal.getStatus()).isEqualTo(ContractStatus.DRAFT);
		assertThat(renewal.getStartDate()).isEqualTo(today.plusDays(10));
		assertThat(contracts.activeValueOf(account)).containsExactly(org.rapport.shared.Money.of("100", "EUR"));

		contracts.followCalendar(today.plusDays(9));
		assertThat(contracts.get(actor, running.getId()).getStatus()).isEqualTo(ContractStatus.ACTIVE);
		assertThat(contracts.get(actor, renewal.getId()).getStatus()).isEqualTo(ContractStatus.DRAFT);

		contracts.followCalendar(today.plusDays(10));
		assertThat(contracts.get(actor, running.getId()).getStatus()).isEqualTo(ContractStatus.RENEWED);
		assertThat(contracts.get(actor, renewal.getId()).getStatus()).isEqualTo(ContractStatus.ACTIVE);
		assertThat(contracts.activeValueOf(account)).containsExactly(org.rapport.shared.Money.of("100", "EUR"));
	}

	@Test
	void aContractThatCannotMoveIsSkippedAndTheCalendarMovesTheOthers() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = customers.openAccount(actor,
				new NewAccount(TestData.unique("Calendar"), AccountType.COMPANY, null, null, null, null, null));
		LocalDate today = contracts.today();
		Contract before = contracts.create(actor, details(account, today.minusDays(60), today.plusDays(1), false));
		Contract broken = contracts.create(actor, details(account, today.minusDays(60), today.plusDays(1), true));
		Contract after = contracts.create(actor, details(account, today.minusDays(60), today.plusDays(1), false));
		// a record written past the rules, whose renewal the rules refuse
		new JdbcTemplate(dataSource).update("update contract set renewal_notice_days = -1 where id = ?",
				broken.getId());

		contracts.followCalendar(today.plusDays(2));

		assertThat(contracts.get(actor, before.getId()).getStatus()).isEqualTo(ContractStatus.EXPIRED);
		assertThat(contracts.get(actor, after.getId()).getStatus()).isEqualTo(ContractStatus.EXPIRED);
		assertThat(contracts.get(actor, broken.getId()).getStatus()).isEqualTo(ContractStatus.ACTIVE);
	}

	@Test
	void dbSchedulerRunsTheCalendarTaskFromItsTable() {
		Scheduler scheduler = Scheduler.create(dataSource, contractCalendarTask)
			.pollingInterval(Duration.ofMillis(200))
			.threads(1)
			.build();
		try {
			scheduler.schedule(contractCalendarTask.instance("on-demand"), Instant.now());
			scheduler.start();
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			// A recurring task stays in the table after it ran, marked with its success and its next run.
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
					"select count(*) from scheduled_tasks where task_name = ? and task_instance = ? "
							+ "and last_success is not null and execution_time > last_success",
					Integer.class, contractCalendarTask.getName(), "on-demand")).isEqualTo(1));
		}
		finally {
			scheduler.stop();
		}
	}

	private static ContractDetails details(AccountId account, LocalDate start, LocalDate end, boolean autoRenew) {
		return new ContractDetails(account.value(), null, start, end, new BigDecimal("100"), "EUR", autoRenew, 10,
				null);
	}
}
