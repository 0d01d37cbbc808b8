package org.rapport.sales.contracts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.RunningContracts.RunningContract;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The running contracts of a currency come page after page, those that end first first; others stay out. */
@RapportTest
@Import(CommerceFixtures.class)
class ContractTermsIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	ContractBook contracts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void runningContractsOfTheCurrencyComeByTheirEnd() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = fixtures.account(seller, "Terms");
		LocalDate today = LocalDate.now();
		Contract later = contract(seller, account, today.minusMonths(2), today.plusYears(1), "1200", "EUR");
		Contract sooner = contract(seller, account, today.minusMonths(1), today.plusMonths(3), "300", "EUR");
		contract(seller, account, today.minusMonths(1), today.plusMonths(3), "300", "USD");
		contract(seller, account, today.plusMonths(1), today.plusMonths(4), "300", "EUR");
		assertThat(List.of(later.getStatus(), sooner.getStatus())).containsOnly(ContractStatus.ACTIVE);

		for (int pageSize : new int[] { 1, 10_000 }) {
			List<RunningContract> running = new ArrayList<>();
			new ContractTerms(jdbc, pageSize).forEach("EUR", contract -> {
				if (contract.account().equals(account)) {
					running.add(contract);
				}
			});
			assertThat(running).as("page size " + pageSize)
				.extracting(RunningContract::end, contract -> contract.value().doubleValue())
				.containsExactly(tuple(today.plusMonths(3), 300.0), tuple(today.plusYears(1), 1200.0));
		}
	}

	private Contract contract(Actor seller, AccountId account, LocalDate start, LocalDate end, String value,
			String currency) {
		return contracts.create(seller, new ContractDetails(account.value(), null, start, end, new BigDecimal(value),
				currency, false, 30, null, null));
	}
}
