package org.rapport.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * What the customers module announces to the others through {@link Customers}: an account opened, and each move of
 * its lifecycle stage with its reason and time. The sales rules and the search listen to these.
 */
@RapportModuleTest
class CustomerEventsIntegrationTests {

	static final Instant MOVED = Instant.parse("2026-04-01T08:15:00Z");

	@Autowired
	Customers customers;

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@Test
	void openingAnAccountAnnouncesItWithItsNameAndOwner(Scenario scenario) {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		String name = TestData.unique("Announced");

		scenario.stimulate(() -> customers.openAccount(seller, company(name)))
			.andWaitForEventOfType(AccountCreated.class)
			.matching(created -> created.name().equals(name))
			.toArriveAndVerify((created, account) -> {
				assertThat(created.account()).isEqualTo(account);
				assertThat(created.owner()).isEqualTo(seller.id());
			});
	}

	@Test
	void aMoveOfTheLifecycleStageAnnouncesFromWhereToWhereWhyAndWhen(Scenario scenario) {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		AccountId account = customers.openAccount(seller, company(TestData.unique("Moving")));
		clock.setTo(MOVED);

		scenario.stimulate(() -> customers.moveLifecycle(account, LifecycleStage.NEW, "First order"))
			.andWaitForEventOfType(LifecycleStageChanged.class)
			.matching(changed -> changed.account().equals(account))
			.toArriveAndVerify(changed -> assertThat(changed).isEqualTo(new LifecycleStageChanged(account,
					LifecycleStage.PROSPECT, LifecycleStage.NEW, "First order", MOVED)));
		assertThat(customers.lifecycleOf(account))
			.contains(new LifecycleStatus(account, LifecycleStage.NEW, MOVED));
	}

	private static NewAccount company(String name) {
		return new NewAccount(name, AccountType.COMPANY, null, null, null, null, null);
	}
}
