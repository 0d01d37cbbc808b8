package org.rapport.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The escalation sweep on a controllable clock: each SLA event escalates a case once, one level at a time (the owner,
 * then the queue's managers, then the escalation queue), a sweep after downtime catches up on every event missed, and
 * notices that fall outside the calendar's working hours wait for the next working morning.
 */
@RapportTest
@Import(TestClock.Setup.class)
class CaseEscalationIntegrationTests {

	/** A Friday, 16:30 in Berlin. */
	static final Instant FRIDAY_1630 = ZonedDateTime.parse("2026-03-06T16:30:00+01:00[Europe/Berlin]").toInstant();

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@Autowired
	CaseBook cases;

	@Autowired
	CaseEscalations escalations;

	@Autowired
	ServiceLevels levels;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.springframework.modulith.events.core.EventSerializer serializer;

	Actor agent;
	User manager;
	User escalationManager;
	TeamId team;
	TeamId escalationTeam;
	AccountId account;

	@BeforeEach
	void setUp() {
		clock.setTo(FRIDAY_1630);
		jdbc.update("delete from sla_policy");
		// cases of other tests may still wait for their events: they escalate no more
		jdbc.update("update support_case set next_escalation_at = null");
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		team = data.team();
		escalationTeam = data.team();
		agent = data.actor(data.user(team, Role.SUPPORT));
		manager = data.user(team, Role.MANAGER, Role.SUPPORT);
		escalationManager = data.userWithEmail(escalationTeam, java.util.Locale.ENGLISH, Role.MANAGER, Role.SUPPORT);
		account = customers.openAccount(agent, new NewAccount(TestData.unique("Clinic"), AccountType.COMPANY, null,
				null, null, null, null));
		BusinessCalendar berlin = levels.createCalendar(admin, TestData.unique("Berlin"), "Europe/Berlin",
				"MON 09:00-17:00, TUE 09:00-17:00, WED 09:00-17:00, THU 09:00-17:00, FRI 09:00-17:00", "2026-03-09");
		levels.createPolicy(admin, new SlaPolicy.Terms(TestData.unique("Standard"), 1, null, null, berlin.getId(), 60,
				480, 80, true, false, escalationTeam.value(), true));
	}

	@Test
	void eachEventEscalatesOnceOneLevelAtATimeAndASweepAfterDowntimeCatchesUp() {
		SupportCase opened = cases.create(agent, details(), Map.of(), team.value(), true);
		assertThat(opened.getNextEscalationAt()).isEqualTo(berlin("2026-03-10T09:18"));

		clock.setTo(berlin("2026-03-07T10:00"));
		assertThat(escalations.sweep()).isZero();

		// the first response's warning: the owner hears of it
		clock.setTo(berlin("2026-03-10T09:20"));
		assertThat(escalations.sweep()).isEqualTo(1);
		assertThat(escalations.sweep()).as("once per event").isZero();
		SupportCase warned = cases.get(agent, opened.getId());
		assertThat(warned.getEscalationLevel()).isEqualTo(1);
		assertThat(warned.getPriority()).isEqualTo(CasePriority.HIGH);
		assertThat(warned.getNextEscalationAt()).isEqualTo(berlin("2026-03-10T09:30"));
		assertThat(notices(agent.id().value())).isEqualTo(1);

		// down from Tuesday morning to Wednesday noon: the breach, the resolution's warning and its breach all fell due
		clock.setTo(berlin("2026-03-11T12:00"));
		assertThat(escalations.sweep()).isEqualTo(3);
		SupportCase escalated = cases.get(data.actor(escalationManager), opened.getId());
		assertThat(escalated.getEscalationLevel()).isEqualTo(SupportCase.MAX_LEVEL);
		assertThat(escalated.getStatus()).isEqualTo(CaseStatus.ESCALATED);
		assertThat(escalated.getPriority()).isEqualTo(CasePriority.URGENT);
		assertThat(escalated.getTeamId()).isEqualTo(escalationTeam.value());
		assertThat(escalated.isTaken()).isFalse();
		assertThat(escalated.isSlaBreached()).isTrue();
		assertThat(escalated.getNextEscalationAt()).isNull();
		assertThat(escalations.eventsOf(opened.getId())).extracting(CaseEvent::getLevel).containsExactly(1, 2, 3, 3);
		assertThat(notices(manager.getId())).isEqualTo(1);
		assertThat(notices(escalationManager.getId())).isEqualTo(2);
		assertThat(mails(escalationManager.getEmail())).as("each notice by e-mail too").isEqualTo(2);
		// the timeline has each escalation and the move to Escalated, written by its listener after the commit
		assertThat(timeline(opened.getId(), "CASE_ESCALATED", 4)).containsExactly("1", "2", "3", "3");
		assertThat(timeline(opened.getId(), "CASE_STATUS", 1)).containsExactly(CaseStatus.ESCALATED.name());
		assertThat(escalations.sweep()).isZero();
		assertThat(cases.queue(data.actor(escalationManager), escalationTeam, 0, 10).items())
			.extracting(SupportCase::getId).contains(opened.getId());
	}

	@Test
	void aNoticeDueAfterHoursWaitsForTheNextWorkingMorning() {
		clock.setTo(berlin("2026-03-10T16:00"));
		SupportCase opened = cases.create(agent, details(), Map.of(), team.value(), true);
		// the warning after 48 minutes, in working hours: the owner hears of it at once
		clock.setTo(berlin("2026-03-10T16:50"));
		assertThat(escalations.sweep()).isEqualTo(1);
		assertThat(notices(agent.id().value())).isEqualTo(1);

		// the first response falls due at 17:00, when the desk closes: the managers hear of it in the morning
		clock.setTo(berlin("2026-03-10T17:01"));
		assertThat(escalations.sweep()).isEqualTo(1);
		assertThat(cases.get(agent, opened.getId()).getEscalationLevel()).isEqualTo(2);
		assertThat(notices(manager.getId())).isZero();
		clock.setTo(berlin("2026-03-11T08:59"));
		escalations.sweep();
		assertThat(notices(manager.getId())).isZero();

		clock.setTo(berlin("2026-03-11T09:00"));
		escalations.sweep();
		assertThat(notices(manager.getId())).isEqualTo(1);
		escalations.sweep();
		assertThat(notices(manager.getId())).as("sent once").isEqualTo(1);
		assertThat(notices(agent.id().value())).isEqualTo(1);
	}

	@Test
	void aBatchOfEscalationsSurvivesTheEventPublicationRegistry() {
		// stored as the registry stores it, and read back as it is after a crash to hand it over again
		org.rapport.support.CaseEscalated escalated = new org.rapport.support.CaseEscalated(
				new org.rapport.support.CaseId(UUID.randomUUID()), account, "CS-000042", 2, agent.id(), team,
				FRIDAY_1630);
		org.rapport.support.CaseStatusChanged moved = new org.rapport.support.CaseStatusChanged(
				escalated.id(), null, "CS-000042", "IN_PROGRESS", "ESCALATED", agent.id(), team, FRIDAY_1630);
		org.rapport.support.CasesEscalated batch = new org.rapport.support.CasesEscalated(
				java.util.List.of(escalated), java.util.List.of(moved));
		Object stored = serializer.serialize(batch);
		assertThat(serializer.deserialize(stored, org.rapport.support.CasesEscalated.class)).isEqualTo(batch);
	}

	private int notices(UUID recipient) {
		return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = ?",
				Integer.class, recipient, CaseEscalations.NOTICE_KIND);
	}

	private int mails(String address) {
		return jdbc.queryForObject("select count(*) from mail_message where recipient = ?", Integer.class, address);
	}

	/** The values the case's timeline entries of the kind moved to, oldest first, once there are as many as expected. */
	private java.util.List<String> timeline(UUID caseId, String kind, int expected) {
		java.util.List<String> values = java.util.List.of();
		for (int attempt = 0; attempt < 100 && values.size() < expected; attempt++) {
			values = jdbc.queryForList("select to_value from timeline_change where about_id = ? and kind = ? "
					+ "order by occurred_at, to_value", String.class, caseId, kind);
			if (values.size() < expected) {
				sleep();
			}
		}
		return values;
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private SupportCase.Details details() {
		return new SupportCase.Details(account.value(), null, null, "The scanner does not pair", null,
				CasePriority.NORMAL, CaseChannel.PHONE, null);
	}

	private static Instant berlin(String local) {
		return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant();
	}
}
