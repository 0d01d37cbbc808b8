package org.rapport.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.LifecycleStageChanged;
import org.rapport.identity.UserId;
import org.rapport.shared.InvalidField;
import org.rapport.shared.PostalAddress;

class AccountLifecycleTests {

	static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

	final UUID by = UUID.randomUUID();

	@Test
	void aMoveChangesTheStageRegistersOneEventAndAnswersTheHistoryEntry() {
		Account account = prospect();

		LifecycleChange change = account.moveTo(LifecycleStage.NEW, "  First order  ", NOW, by).orElseThrow();

		assertThat(account.getLifecycleStage()).isEqualTo(LifecycleStage.NEW);
		assertThat(account.pendingEvents()).filteredOn(LifecycleStageChanged.class::isInstance)
			.containsExactly(new LifecycleStageChanged(account.id(), LifecycleStage.PROSPECT, LifecycleStage.NEW,
					"First order", NOW));
		assertThat(change.getAccountId()).isEqualTo(account.getId());
		assertThat(change.getFrom()).isEqualTo(LifecycleStage.PROSPECT);
		assertThat(change.getTo()).isEqualTo(LifecycleStage.NEW);
		assertThat(change.getReason()).isEqualTo("First order");
		assertThat(change.getChangedAt()).isEqualTo(NOW);
		assertThat(change.getChangedBy()).isEqualTo(by);
	}

	@Test
	void aMoveToTheStageHeldChangesNothing() {
		Account account = prospect();

		assertThat(account.moveTo(LifecycleStage.PROSPECT, "Again", NOW, by)).isEmpty();
		assertThat(account.pendingEvents()).noneMatch(LifecycleStageChanged.class::isInstance);
	}

	@Test
	void aMoveNeedsAReason() {
		Account account = prospect();

		assertThatThrownBy(() -> account.moveTo(LifecycleStage.LOST, " ", NOW, by)).isInstanceOf(InvalidField.class)
			.satisfies(invalid -> assertThat(((InvalidField) invalid).field()).isEqualTo("reason"))
			.satisfies(invalid -> assertThat(((InvalidField) invalid).messageKey())
				.isEqualTo("validation.lifecycle.reason"));
		assertThat(account.getLifecycleStage()).isEqualTo(LifecycleStage.PROSPECT);
		assertThat(account.pendingEvents()).noneMatch(LifecycleStageChanged.class::isInstance);
	}

	@Test
	void revisingTheDescriptiveFieldsLeavesTheStageToTheMove() {
		Account account = prospect();

		account.revise(details("Renamed", LifecycleStage.EXISTING), new UserId(by), null);

		assertThat(account.getName()).isEqualTo("Renamed");
		assertThat(account.getLifecycleStage()).isEqualTo(LifecycleStage.PROSPECT);
		assertThat(account.pendingEvents()).noneMatch(LifecycleStageChanged.class::isInstance);
	}

	private Account prospect() {
		return Account.open(details("Acme", null), new UserId(by), null);
	}

	private static AccountDetails details(String name, LifecycleStage stage) {
		return new AccountDetails(name, AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY, stage, null,
				null);
	}
}
