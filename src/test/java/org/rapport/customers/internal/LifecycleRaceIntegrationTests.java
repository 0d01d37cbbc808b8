package org.rapport.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two moves of one account from the same stage cannot both apply: the one that saves second fails on the
 * account's version and leaves neither a stage nor a history entry behind.
 */
@RapportModuleTest
class LifecycleRaceIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	Accounts accounts;

	@Autowired
	Lifecycle lifecycle;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theSecondOfTwoMovesFromTheSameStageFailsAndChangesNothing() {
		Actor admin = data.actor(data.user(data.team(), Role.ADMIN));
		AccountId account = customers.openAccount(admin,
				new NewAccount(TestData.unique("Raced"), AccountType.COMPANY, null, null, null, null, null));
		TransactionTemplate first = new TransactionTemplate(transactions);
		TransactionTemplate second = new TransactionTemplate(transactions);
		second.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		assertThatThrownBy(() -> first.executeWithoutResult(tx -> {
			Account read = accounts.findById(account.value()).orElseThrow();
			// another move of the same account commits between this one's read and its save
			second.executeWithoutResult(other -> lifecycle.move(account, LifecycleStage.NEW, "First order"));
			read.moveTo(LifecycleStage.LOST, "No purchase for a year", Instant.parse("2026-06-16T01:30:00Z"), null)
				.ifPresent(change -> accounts.saveAndFlush(read));
		})).isInstanceOf(ObjectOptimisticLockingFailureException.class);

		assertThat(customers.lifecycleOf(account).orElseThrow().stage()).isEqualTo(LifecycleStage.NEW);
		assertThat(lifecycle.historyOf(admin, account.value(), 10)).singleElement()
			.satisfies(change -> assertThat(change.getReason()).isEqualTo("First order"));
	}
}
