package org.rapport.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
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
import org.rapport.customization.CustomFieldQuery;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.rapport.web.SortParameter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A case is held to the first policy that matches it, in the business hours of the policy's calendar: its due times
 * skip nights, weekends and holidays, stop while it waits on the customer, and follow its priority; its status moves
 * are guarded by the case; the list filters by SLA state at the moment it is read; and a team's queue holds only the
 * open cases nobody took, the earliest due first.
 */
@RapportTest
@Import(TestClock.Setup.class)
class CaseSlaIntegrationTests {

	/** A Friday, 16:30 in Berlin. */
	static final Instant FRIDAY_1630 = ZonedDateTime.parse("2026-03-06T16:30:00+01:00[Europe/Berlin]").toInstant();

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@Autowired
	CaseBook cases;

	@Autowired
	ServiceLevels levels;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	Actor agent;
	Actor admin;
	TeamId team;
	AccountId account;
	SlaPolicy normal;

	@BeforeEach
	void setUp() {
		clock.setTo(FRIDAY_1630);
		// this class decides which policies exist; the cases of other tests keep their own times
		jdbc.update("delete from sla_policy");
		admin = data.actor(data.user(null, Role.ADMIN));
		team = data.team();
		agent = data.actor(data.user(team, Role.SUPPORT));
		account = customers.openAccount(agent, new NewAccount(TestData.unique("Clinic"), AccountType.COMPANY, null, null,
				null, null, null));
		BusinessCalendar berlin = levels.createCalendar(admin, TestData.unique("Berlin"), "Europe/Berlin",
				"MON 09:00-17:00, TUE 09:00-17:00, WED 09:00-17:00, THU 09:00-17:00, FRI 09:00-17:00", "2026-03-09");
		levels.createPolicy(admin, new SlaPolicy.Terms(TestData.unique("Urgent"), 1, CasePriority.URGENT, null,
				berlin.getId(), 30, 120, 80, false, false, null, true));
		normal = levels.createPolicy(admin, new SlaPolicy.Terms(TestData.unique("Normal"), 2, null, null,
				berlin.getId(), 60, 480, 80, false, false, null, true));
	}

	@Test
	void aCaseOpenedFridayAfternoonBeforeAMondayHolidayFallsDueOnTuesday() {
		SupportCase opened = open(CasePriority.NORMAL);

		assertThat(opened.getNumber()).matches("CS-\\d{6}");
		assertThat(opened.getPolicyId()).isEqualTo(normal.getId());
		// 30 minutes on Friday, none on the holiday, the rest from Tuesday 09:00
		assertThat(opened.getResponseDueAt()).isEqualTo(berlin("2026-03-10T09:30"));
		assertThat(opened.getResolutionDueAt()).isEqualTo(berlin("2026-03-10T16:30"));
		assertThat(opened.getSlaDueAt()).isEqualTo(berlin("2026-03-10T09:30"));
		// 80% of the first hour: 48 minutes, 18 of them on Tuesday
		assertThat(opened.getSlaWarningAt()).isEqualTo(berlin("2026-03-10T09:18"));
		assertThat(opened.slaState(clock.instant())).contains(SlaState.ON_TRACK);
		assertThat(opened.slaState(berlin("2026-03-10T09:20"))).contains(SlaState.AT_RISK);
		assertThat(opened.slaState(berlin("2026-03-10T09:30"))).contains(SlaState.BREACHED);
	}

	@Test
	void theClocksStopWhileTheCaseWaitsOnTheCustomerAndRunOnAfterTheirReply() {
		SupportCase opened = open(CasePriority.NORMAL);
		clock.setTo(berlin("2026-03-10T09:10"));
		SupportCase answered = answer(opened);
		assertThat(answered.getFirstResponseAt()).isEqualTo(clock.instant());
		assertThat(answered.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(answered.getResponseDueAt()).as("the first response is met").isNull();

		SupportCase waiting = cases.move(agent, opened.getId(), answered.getVersion(), CaseStatus.WAITING_ON_CUSTOMER,
				null);
		assertThat(waiting.getSlaDueAt()).isNull();
		assertThat(waiting.slaState(berlin("2026-03-20T12:00"))).contains(SlaState.ON_TRACK);

		// two working days later the customer answers: 40 minutes used before, 440 left from Thursday 09:00
		clock.setTo(berlin("2026-03-12T08:00"));
		SupportCase replied = cases.move(agent, opened.getId(), waiting.getVersion(), CaseStatus.IN_PROGRESS, null);
		assertThat(replied.getResolutionDueAt()).isEqualTo(berlin("2026-03-12T16:20"));
		assertThat(replied.slaState(berlin("2026-03-12T16:00"))).contains(SlaState.AT_RISK);

		clock.setTo(berlin("2026-03-12T10:00"));
		assertThatThrownBy(() -> cases.move(agent, opened.getId(), replied.getVersion(), CaseStatus.RESOLVED, " "))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("resolution"));
		SupportCase resolved = cases.move(agent, opened.getId(), replied.getVersion(), CaseStatus.RESOLVED,
				"Replaced the part");
		assertThat(resolved.isOpen()).isFalse();
		assertThat(resolved.getResolvedAt()).isEqualTo(clock.instant());
		assertThat(resolved.slaState(berlin("2026-04-01T12:00"))).contains(SlaState.MET);
	}

	@Test
	void aClosedCaseOnlyReopensAndItsResolutionClockRunsOnFromWhereItStood() {
		SupportCase opened = open(CasePriority.NORMAL);
		SupportCase closed = cases.move(agent, opened.getId(), opened.getVersion(), CaseStatus.CLOSED, "Duplicate");
		assertThat(closed.getClosedAt()).isNotNull();
		assertThatThrownBy(() -> cases.move(agent, opened.getId(), closed.getVersion(), CaseStatus.IN_PROGRESS, null))
			.isInstanceOf(RuleBroken.class);
		assertThatThrownBy(() -> cases.update(agent, opened.getId(), closed.getVersion(), details(CasePriority.HIGH),
				null))
			.isInstanceOf(RuleBroken.class);

		clock.setTo(berlin("2026-03-10T09:00"));
		SupportCase reopened = cases.move(agent, opened.getId(), closed.getVersion(), CaseStatus.REOPENED, null);
		assertThat(reopened.isOpen()).isTrue();
		assertThat(reopened.getClosedAt()).isNull();
		assertThat(reopened.getResolution()).isEqualTo("Duplicate");
		// none of the resolution's 480 minutes was used while it was closed: all of Tuesday is left
		assertThat(reopened.getResolutionDueAt()).isEqualTo(berlin("2026-03-10T17:00"));
		assertThatThrownBy(() -> cases.move(agent, opened.getId(), closed.getVersion(), CaseStatus.RESOLVED, "x"))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
	}

	@Test
	void raisingThePriorityHoldsTheCaseToTheUrgentPolicyWithTheTimeItUsed() {
		SupportCase opened = open(CasePriority.NORMAL);
		clock.setTo(berlin("2026-03-10T09:10"));
		SupportCase urgent = cases.update(agent, opened.getId(), opened.getVersion(), details(CasePriority.URGENT),
				null);
		assertThat(urgent.getPolicyId()).isNotEqualTo(normal.getId());
		// 40 of the urgent 30 minutes are used: the first response is overdue
		assertThat(urgent.getResponseDueAt()).isBefore(clock.instant());
		assertThat(urgent.slaState(clock.instant())).contains(SlaState.BREACHED);
		assertThat(urgent.getResolutionDueAt()).isEqualTo(berlin("2026-03-10T10:30"));
	}

	@Test
	void theListFiltersBySlaStateAsOfNow() {
		SupportCase early = open(CasePriority.NORMAL);
		clock.setTo(berlin("2026-03-10T09:00"));
		SupportCase late = open(CasePriority.NORMAL);
		clock.setTo(berlin("2026-03-10T09:20"));

		assertThat(ids(SlaState.AT_RISK)).contains(early.getId()).doesNotContain(late.getId());
		assertThat(ids(SlaState.ON_TRACK)).contains(late.getId()).doesNotContain(early.getId());
		clock.setTo(berlin("2026-03-10T09:50"));
		assertThat(ids(SlaState.BREACHED)).contains(early.getId()).doesNotContain(late.getId());
		assertThat(ids(SlaState.AT_RISK)).contains(late.getId()).doesNotContain(early.getId());
	}

	@Test
	void casesAtRiskListTheEarliestDueFirstAndThoseHeldWaitingOnTheCustomerLast() {
		clock.setTo(berlin("2026-03-10T09:00"));
		SupportCase paused = open(CasePriority.NORMAL);
		clock.setTo(berlin("2026-03-10T09:01"));
		SupportCase first = open(CasePriority.NORMAL);
		clock.setTo(berlin("2026-03-10T09:02"));
		SupportCase second = open(CasePriority.NORMAL);
		clock.setTo(berlin("2026-03-10T09:50"));
		// 50 of its 60 minutes used: waiting on the customer, it is held at risk, with no due time while it waits
		SupportCase waiting = cases.move(agent, paused.getId(), paused.getVersion(), CaseStatus.WAITING_ON_CUSTOMER,
				null);
		assertThat(waiting.getSlaDueAt()).isNull();
		assertThat(waiting.slaState(clock.instant())).contains(SlaState.AT_RISK);

		List<UUID> atRisk = cases.list(agent, new CaseFilter(account.value(), null, null, null, null,
				SlaState.AT_RISK, null), SortParameter.parse(CaseBook.sortOrDefault(null, SlaState.AT_RISK),
						CaseBook.SORTS), CustomFieldQuery.none(), 0, 100)
			.items()
			.stream()
			.map(SupportCase::getId)
			.toList();
		assertThat(atRisk).containsExactly(first.getId(), second.getId(), paused.getId());
		assertThat(CaseBook.sortOrDefault(null, SlaState.MET)).isNull();
		assertThat(CaseBook.sortOrDefault("number", SlaState.AT_RISK)).isEqualTo("number");
	}

	@Test
	void theQueueHoldsTheTeamsOpenCasesNobodyTookAndOtherTeamsSeeNone() {
		clock.setTo(berlin("2026-03-10T09:00"));
		SupportCase first = cases.create(agent, details(CasePriority.NORMAL), Map.of(), team.value(), false);
		clock.setTo(berlin("2026-03-10T09:05"));
		SupportCase urgent = cases.create(agent, details(CasePriority.URGENT), Map.of(), team.value(), false);
		Actor colleague = data.actor(data.user(team, Role.SUPPORT));

		assertThat(cases.queue(colleague, team, 0, 50).items()).extracting(SupportCase::getId)
			.containsSubsequence(urgent.getId(), first.getId());
		SupportCase taken = cases.take(colleague, urgent.getId(), urgent.getVersion());
		assertThat(taken.getOwnerId()).isEqualTo(colleague.id().value());
		assertThat(cases.queue(colleague, team, 0, 50).items()).extracting(SupportCase::getId)
			.doesNotContain(urgent.getId());
		assertThat(cases.mine(colleague, 0, 50).items()).extracting(SupportCase::getId).containsExactly(urgent.getId());

		Actor stranger = data.actor(data.user(data.team(), Role.SUPPORT));
		assertThatThrownBy(() -> cases.get(stranger, first.getId())).isInstanceOf(RecordNotFound.class);
		assertThat(cases.queue(stranger, team, 0, 50).items()).isEmpty();
	}

	private java.util.List<UUID> ids(SlaState state) {
		return cases.list(agent, new CaseFilter(account.value(), null, null, null, null, state, null),
				CaseBook.SORTS.defaultSort(), CustomFieldQuery.none(), 0, 100)
			.items()
			.stream()
			.map(SupportCase::getId)
			.toList();
	}

	private SupportCase open(CasePriority priority) {
		return cases.create(agent, details(priority), Map.of(), null, true);
	}

	private SupportCase answer(SupportCase found) {
		cases.comment(agent, found.getId(), true, "We are on it");
		return cases.get(agent, found.getId());
	}

	private SupportCase.Details details(CasePriority priority) {
		return new SupportCase.Details(account.value(), null, null, "The printer jams", null, priority,
				CaseChannel.PHONE, null);
	}

	private static Instant berlin(String local) {
		return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant();
	}

}
