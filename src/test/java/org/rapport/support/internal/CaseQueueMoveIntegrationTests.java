package org.rapport.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.VisibilityScope;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Moving a case to another team's queue: it waits there untaken with its owner kept; the team must exist, the case
 * must be open and the version current; the case's owner, a manager of its team or a member of the team it moves to
 * moves it, and nobody else.
 */
@RapportTest
@Import(TestClock.Setup.class)
class CaseQueueMoveIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	CaseBook cases;

	@Autowired
	Customers customers;

	TeamId first;
	TeamId second;
	Actor owner;
	AccountId account;

	@BeforeEach
	void setUp() {
		first = data.team();
		second = data.team();
		owner = data.actor(data.user(first, Role.SUPPORT));
		account = customers.openAccount(owner, new NewAccount(TestData.unique("Clinic"), AccountType.COMPANY, null,
				null, null, null, null));
	}

	@Test
	void theOwnerMovesATakenCaseToAnotherQueueWhereItWaitsUntaken() {
		SupportCase taken = open(true);

		SupportCase moved = cases.moveToQueue(owner, taken.getId(), taken.getVersion(), second.value());

		assertThat(moved.getTeamId()).isEqualTo(second.value());
		assertThat(moved.isTaken()).isFalse();
		assertThat(moved.getOwnerId()).isEqualTo(owner.id().value());
		Actor ofSecond = data.actor(data.user(second, Role.SUPPORT));
		assertThat(cases.queue(ofSecond, second, 0, 50).items()).extracting(SupportCase::getId)
			.contains(taken.getId());
	}

	@Test
	void movingToTheQueueItIsInChangesNothing() {
		SupportCase taken = open(true);

		SupportCase same = cases.moveToQueue(owner, taken.getId(), taken.getVersion(), first.value());

		assertThat(same.getTeamId()).isEqualTo(first.value());
		assertThat(same.isTaken()).isTrue();
	}

	@Test
	void anUnknownTeamAStaleVersionAndAResolvedCaseAreRefused() {
		SupportCase taken = open(true);

		assertThatThrownBy(() -> cases.moveToQueue(owner, taken.getId(), taken.getVersion(), UUID.randomUUID()))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("teamId"));
		assertThatThrownBy(() -> cases.moveToQueue(owner, taken.getId(), taken.getVersion(), null))
			.isInstanceOf(InvalidField.class);
		assertThatThrownBy(() -> cases.moveToQueue(owner, taken.getId(), taken.getVersion() - 1, second.value()))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);

		SupportCase resolved = cases.move(owner, taken.getId(), taken.getVersion(), CaseStatus.RESOLVED, "Fixed");
		assertThatThrownBy(() -> cases.moveToQueue(owner, taken.getId(), resolved.getVersion(), second.value()))
			.isInstanceOf(RuleBroken.class)
			.hasMessageContaining("open case");
		assertThat(cases.get(owner, taken.getId()).getTeamId()).isEqualTo(first.value());
	}

	@Test
	void aColleagueWhoNeitherOwnsNorManagesTheCaseMayNotMoveItButTheTeamsManagerMay() {
		SupportCase taken = open(true);
		Actor colleague = data.actor(data.user(first, Role.SUPPORT));
		Actor manager = data.actor(data.user(first, Role.MANAGER, Role.SUPPORT));

		assertThatThrownBy(() -> cases.moveToQueue(colleague, taken.getId(), taken.getVersion(), second.value()))
			.isInstanceOf(NotPermitted.class);
		SupportCase moved = cases.moveToQueue(manager, taken.getId(), taken.getVersion(), second.value());
		assertThat(moved.getTeamId()).isEqualTo(second.value());
	}

	@Test
	void aMemberOfTheTargetTeamWhoSeesTheCaseMovesItToTheirQueue() {
		SupportCase waiting = open(false);
		Actor member = data.actor(data.user(second, Role.SUPPORT));
		// a member of the second team whose role sees every case, as a service desk may be set up
		Actor seesAll = new Actor(member.id(), member.displayName(), member.team(), member.roles(),
				VisibilityScope.ALL, null, null);
		Actor outsider = new Actor(data.actor(data.user(data.team(), Role.SUPPORT)).id(), "Outsider", null,
				member.roles(), VisibilityScope.ALL, null, null);

		assertThatThrownBy(() -> cases.moveToQueue(outsider, waiting.getId(), waiting.getVersion(), second.value()))
			.isInstanceOf(NotPermitted.class);
		SupportCase moved = cases.moveToQueue(seesAll, waiting.getId(), waiting.getVersion(), second.value());
		assertThat(moved.getTeamId()).isEqualTo(second.value());
		assertThat(moved.isTaken()).isFalse();
	}

	private SupportCase open(boolean take) {
		return cases.create(owner, new SupportCase.Details(account.value(), null, null, TestData.unique("Printer"),
				"It jams", CasePriority.NORMAL, CaseChannel.EMAIL, null), Map.of(), first.value(), take);
	}
}
