package org.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityAlerts;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityDetails;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.web.CommerceFixtures;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Alerts go out by the clock, once each: a meeting reminds its owner and participants the chosen minutes before it
 * starts, a task tells its owner when it falls due; what fell due while Rapport was down goes out at the next sweep,
 * a deleted meeting reminds nobody and a moved one reminds at its new time.
 */
@RapportTest
@Import({ TestClock.Setup.class, CommerceFixtures.class })
class ActivityAlertsIntegrationTests {

	static final Instant MORNING = Instant.parse("2032-03-04T08:00:00Z");

	@Autowired
	TestClock clock;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	ActivityBook activities;

	@Autowired
	ActivityAlerts alerts;

	@Autowired
	JdbcTemplate jdbc;

	User owner;
	User guest;
	Actor actor;
	RecordRef about;

	@BeforeEach
	void setUp() {
		clock.setTo(MORNING);
		TeamId team = data.team();
		owner = data.user(team, Role.SALES);
		guest = data.user(team, Role.SALES);
		actor = data.actor(owner);
		AccountId account = fixtures.account(actor, TestData.unique("Alerts"));
		about = new RecordRef("account", account.value());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private Activity meeting(Instant start, Integer reminder) {
		return activities.create(actor, new ActivityDetails(ActivityKind.MEETING, "Review", about, null, null, null,
				start, start.plus(Duration.ofHours(1)), false, null, List.of(new RecordRef("user", guest.getId())),
				null, null, null, null, null, null, null, null, reminder), Map.of());
	}

	private Activity task(Instant due) {
		return activities.create(actor, new ActivityDetails(ActivityKind.TASK, "Send it", about, null, null, due, null,
				null, false, null, List.of(), null, null, null, null, null, null, null, null), Map.of());
	}

	private long notices(User user, String kind) {
		return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = ?", Long.class,
				user.getId(), kind);
	}

	@Test
	void aMeetingRemindsItsOwnerAndParticipantsOnceTheChosenMinutesBeforeItStarts() {
		Activity meeting = meeting(MORNING.plus(Duration.ofHours(1)), 15);
		assertThat(meeting.getAlertAt()).isEqualTo(MORNING.plus(Duration.ofMinutes(45)));

		clock.setTo(MORNING.plus(Duration.ofMinutes(44)));
		alerts.sweep();
		assertThat(notices(owner, "activity.meetingSoon")).isZero();

		clock.setTo(MORNING.plus(Duration.ofMinutes(45)));
		alerts.sweep();
		alerts.sweep();
		assertThat(notices(owner, "activity.meetingSoon")).isEqualTo(1);
		assertThat(notices(guest, "activity.meetingSoon")).isEqualTo(1);
	}

	@Test
	void whatFellDueWhileRapportWasDownGoesOutAtTheNextSweepAndADeletedMeetingRemindsNobody() {
		task(MORNING.plus(Duration.ofMinutes(10)));
		meeting(MORNING.plus(Duration.ofMinutes(50)), 30);
		Activity deleted = meeting(MORNING.plus(Duration.ofMinutes(40)), 30);
		activities.delete(actor, deleted.getId(), deleted.getVersion());

		// nobody swept for three hours
		clock.setTo(MORNING.plus(Duration.ofHours(3)));
		alerts.sweep();
		assertThat(notices(owner, "activity.taskDue")).isEqualTo(1);
		assertThat(notices(owner, "activity.meetingSoon")).isEqualTo(1);
		assertThat(notices(guest, "activity.meetingSoon")).isEqualTo(1);
	}

	@Test
	void aMovedMeetingRemindsAtItsNewTimeAndADoneTaskTellsNothing() {
		Activity meeting = meeting(MORNING.plus(Duration.ofHours(1)), 15);
		Activity done = task(MORNING.plus(Duration.ofMinutes(30)));
		activities.complete(actor, done.getId(), done.getVersion());
		Instant later = MORNING.plus(Duration.ofHours(5));
		activities.update(actor, meeting.getId(), meeting.getVersion(), new ActivityDetails(null, "Review", null, null,
				null, null, later, later.plus(Duration.ofHours(1)), false, null,
				List.of(new RecordRef("user", guest.getId())), null, null, null, null, null, null, null, null, 15),
				null);

		clock.setTo(MORNING.plus(Duration.ofHours(1)));
		alerts.sweep();
		assertThat(notices(owner, "activity.meetingSoon")).isZero();
		assertThat(notices(owner, "activity.taskDue")).isZero();

		clock.setTo(later.minus(Duration.ofMinutes(15)));
		alerts.sweep();
		assertThat(notices(owner, "activity.meetingSoon")).isEqualTo(1);
	}

	@Test
	void aTaskEnteredOverdueTellsNothingAndOneWithoutAReminderNeither() {
		task(MORNING.minus(Duration.ofHours(2)));
		meeting(MORNING.plus(Duration.ofHours(1)), -1);
		clock.setTo(MORNING.plus(Duration.ofHours(2)));
		alerts.sweep();
		assertThat(notices(owner, "activity.taskDue")).isZero();
		assertThat(notices(owner, "activity.meetingSoon")).isZero();
	}
}
