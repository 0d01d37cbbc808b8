package org.rapport.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An SLA policy may apply to the cases whose contract promises a service level: the first policy that matches the
 * service level of the case's contract, in any case of letters, holds the case; a case whose contract changes, and
 * the open cases of a contract that promises another service level, are held to the policy that matches then.
 */
@RapportTest
class ContractServiceLevelSlaIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	CaseBook cases;

	@Autowired
	ServiceLevels levels;

	@Autowired
	ContractBook contracts;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	Actor agent;
	AccountId account;
	SlaPolicy gold;
	SlaPolicy standard;

	@BeforeEach
	void setUp() {
		// this class decides which policies exist
		jdbc.update("delete from sla_policy");
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		agent = data.actor(data.user(data.team(), Role.SUPPORT));
		account = customers.openAccount(agent, new NewAccount(TestData.unique("Clinic"), AccountType.COMPANY, null,
				null, null, null, null));
		BusinessCalendar always = levels.createCalendar(admin, TestData.unique("Always"), "UTC",
				"MON 00:00-24:00, TUE 00:00-24:00, WED 00:00-24:00, THU 00:00-24:00, FRI 00:00-24:00, "
						+ "SAT 00:00-24:00, SUN 00:00-24:00",
				null);
		gold = levels.createPolicy(admin, new SlaPolicy.Terms(TestData.unique("Gold"), 1, null, null, " GOLD ",
				always.getId(), 30, 240, 80, false, true, null, true));
		standard = levels.createPolicy(admin, new SlaPolicy.Terms(TestData.unique("Standard"), 2, null, null, null,
				always.getId(), 240, 2400, 80, false, true, null, true));
	}

	@Test
	void aCaseUnderAContractOfThePolicysServiceLevelIsHeldToIt() {
		Contract contract = contract("gold");

		SupportCase opened = cases.create(agent, details(contract), Map.of(), null, true);

		assertThat(gold.getMatchServiceLevel()).isEqualTo("GOLD");
		assertThat(opened.getPolicyId()).isEqualTo(gold.getId());
		assertThat(opened.getResponseDueAt()).isCloseTo(opened.getCreatedAt().plusSeconds(30 * 60), within(2, ChronoUnit.SECONDS));
	}

	@Test
	void aCaseWithoutAContractOrUnderAnotherLevelIsNotHeldToIt() {
		assertThat(cases.create(agent, details(null), Map.of(), null, true).getPolicyId())
			.isEqualTo(standard.getId());
		assertThat(cases.create(agent, details(contract("Silver")), Map.of(), null, true).getPolicyId())
			.isEqualTo(standard.getId());
		assertThat(cases.create(agent, details(contract(null)), Map.of(), null, true).getPolicyId())
			.isEqualTo(standard.getId());
	}

	@Test
	void aCaseWhoseContractChangesIsHeldToThePolicyThatMatchesThen() {
		SupportCase opened = cases.create(agent, details(contract("Standard")), Map.of(), null, true);
		assertThat(opened.getPolicyId()).isEqualTo(standard.getId());

		SupportCase moved = cases.update(agent, opened.getId(), opened.getVersion(), details(contract("Gold")), null);
		assertThat(moved.getPolicyId()).isEqualTo(gold.getId());
		assertThat(moved.getResponseDueAt()).isCloseTo(opened.getCreatedAt().plusSeconds(30 * 60), within(2, ChronoUnit.SECONDS));

		SupportCase without = cases.update(agent, opened.getId(), moved.getVersion(), details(null), null);
		assertThat(without.getPolicyId()).isEqualTo(standard.getId());
	}

	@Test
	void theOpenCasesUnderAContractWhoseServiceLevelChangesAreHeldToThePolicyThatMatchesThen() {
		Contract contract = contract("Standard");
		SupportCase open = cases.create(agent, details(contract), Map.of(), null, true);
		SupportCase resolved = cases.create(agent, details(contract), Map.of(), null, true);
		resolved = cases.move(agent, resolved.getId(), resolved.getVersion(), CaseStatus.RESOLVED, "Fixed");
		assertThat(open.getPolicyId()).isEqualTo(standard.getId());

		contracts.update(agent, contract.getId(), contract.getVersion(), new ContractDetails(account.value(), null,
				contract.getStartDate(), contract.getEndDate(), new BigDecimal("1200"), "EUR", false, 30, null, null,
				"gold"));

		assertThat(cases.get(agent, open.getId()).getPolicyId()).isEqualTo(gold.getId());
		assertThat(cases.get(agent, resolved.getId()).getPolicyId()).as("a resolved case keeps its policy")
			.isEqualTo(standard.getId());
	}

	private Contract contract(String serviceLevel) {
		LocalDate today = contracts.today();
		return contracts.create(agent, new ContractDetails(account.value(), null, today.minusDays(10),
				today.plusYears(1), new BigDecimal("1200"), "EUR", false, 30, null, null, serviceLevel));
	}

	private SupportCase.Details details(Contract contract) {
		return new SupportCase.Details(account.value(), null, contract == null ? null : contract.getId(),
				"The printer jams", null, CasePriority.NORMAL, CaseChannel.PHONE, null);
	}
}
