package org.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import biweekly.Biweekly;
import biweekly.ICalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.activities.internal.CalendarFeeds;
import org.rapport.activities.internal.Occurrence;
import org.rapport.activities.internal.Recurrence;
import org.rapport.activities.internal.Recurrence.Frequency;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.web.CommerceFixtures;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RecordRef;
import org.rapport.shared.RuleBroken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * A repeating meeting or task is one series, expanded wherever it shows: on the calendar, in My work, in the feed
 * and in its alerts. One occurrence changes, completes or is cancelled apart from the rest; the series changes as a
 * whole; both keep the wall-clock time of the owner's zone across a daylight-saving change.
 */
@RapportTest
@Import({ TestClock.Setup.class, CommerceFixtures.class })
class RecurringActivitiesIntegrationTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Monday 2 March 2026, 07:00 in Berlin; summer time begins on Sunday 29 March. */
	static final Instant MONDAY = LocalDateTime.of(2026, 3, 2, 7, 0).atZone(BERLIN).toInstant();

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
	CalendarFeeds feeds;

	@Autowired
	JdbcTemplate jdbc;

	User owner;
	User guest;
	Actor actor;
	RecordRef about;

	@BeforeEach
	void setUp() {
		clock.setTo(MONDAY);
		TeamId team = data.team();
		owner = data.user(team, Role.SALES);
		guest = data.user(team, Role.SALES);
		Actor inUtc = data.actor(owner);
		actor = new Actor(inUtc.id(), inUtc.displayName(), inUtc.team(), inUtc.roles(), inUtc.scope(), BERLIN,
				inUtc.locale());
		AccountId account = fixtures.account(actor, TestData.unique("Series"));
		about = new RecordRef("account", account.value());
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static Instant berlin(int month, int day, int hour, int minute) {
		return LocalDateTime.of(2026, month, day, hour, minute).atZone(BERLIN).toInstant();
	}

	private Activity weeklyStandUp(Recurrence rule) {
		Instant start = berlin(3, 2, 10, 0);
		return activities.create(actor, new ActivityDetails(ActivityKind.MEETING, "Stand-up", about, null, null, null,
				start, start.plus(Duration.ofMinutes(30)), false, null, List.of(new RecordRef("user", guest.getId())),
				null, null, null, null, null, null, null, null, 10, rule), Map.of());
	}

	private Activity dailyTask(Instant due, Recurrence rule) {
		return activities.create(actor, new ActivityDetails(ActivityKind.TASK, "Check the queue", about, null, null,
				due, null, null, false, null, List.of(), null, null, null, null, null, null, null, null, null, rule),
				Map.of());
	}

	private List<Occurrence> calendar(Instant from, Instant to) {
		return activities.calendar(actor, null, null, from, to).stream()
			.filter(o -> o.activity().about().equals(about))
			.toList();
	}

	private long notices(User user, String kind) {
		return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = ?", Long.class,
				user.getId(), kind);
	}

	@Test
	void aWeeklyMeetingShowsEachOccurrenceAtTheSameWallClockTimeAcrossTheChangeToSummerTime() {
		Activity series = weeklyStandUp(Recurrence.every(Frequency.WEEKLY).on(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
		assertThat(series.getRecurrence()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,TH");
		assertThat(series.getRecurrenceZone()).isEqualTo("Europe/Berlin");
		assertThat(series.getSeriesUntil()).isNull();

		List<Occurrence> month = calendar(berlin(3, 1, 0, 0), berlin(4, 1, 0, 0));
		assertThat(month).extracting(o -> o.start().atZone(BERLIN).toLocalDateTime())
			.containsExactly(LocalDateTime.of(2026, 3, 2, 10, 0), LocalDateTime.of(2026, 3, 5, 10, 0),
					LocalDateTime.of(2026, 3, 9, 10, 0), LocalDateTime.of(2026, 3, 12, 10, 0),
					LocalDateTime.of(2026, 3, 16, 10, 0), LocalDateTime.of(2026, 3, 19, 10, 0),
					LocalDateTime.of(2026, 3, 23, 10, 0), LocalDateTime.of(2026, 3, 26, 10, 0),
					LocalDateTime.of(2026, 3, 30, 10, 0));
		assertThat(month.get(8).start()).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
		assertThat(month).allMatch(o -> o.isInSeries() && o.end().equals(o.start().plus(Duration.ofMinutes(30))));

		// the participant sees the series on their own calendar too
		assertThat(activities.calendar(data.actor(guest), null, null, berlin(3, 1, 0, 0), berlin(3, 8, 0, 0)))
			.filteredOn(o -> o.activity().getId().equals(series.getId()))
			.hasSize(2);
	}

	@Test
	void oneOccurrenceMovesCompletesOrIsCancelledApartAndTheSeriesChangesAsAWhole() {
		Activity series = weeklyStandUp(Recurrence.every(Frequency.WEEKLY).times(4));
		assertThat(series.getSeriesUntil()).isEqualTo(berlin(3, 23, 10, 30));
		Instant second = berlin(3, 9, 10, 0);
		Instant third = berlin(3, 16, 10, 0);
		Instant fourth = berlin(3, 23, 10, 0);

		Activity moved = activities.rescheduleOccurrence(actor, series.getId(), second, series.getVersion(),
				berlin(3, 10, 15, 0), berlin(3, 10, 16, 0));
		assertThat(moved.getSeriesId()).isEqualTo(series.getId());
		assertThat(moved.getOriginalStart()).isEqualTo(second);
		assertThat(moved.getParticipants()).extracting(p -> p.id()).containsExactly(guest.getId());
		Activity done = activities.completeOccurrence(actor, series.getId(), third);
		assertThat(done.getStatus()).isEqualTo(ActivityStatus.DONE);
		activities.cancelOccurrence(actor, series.getId(), fourth);

		List<Occurrence> shown = calendar(berlin(3, 1, 0, 0), berlin(4, 1, 0, 0));
		assertThat(shown).extracting(Occurrence::start)
			.containsExactly(berlin(3, 2, 10, 0), berlin(3, 10, 15, 0), third);
		assertThat(shown.get(1).isInSeries()).isFalse();
		assertThat(shown.get(2).activity().getStatus()).isEqualTo(ActivityStatus.DONE);

		// the series changes as a whole: the occurrences that changed apart keep what they became, and the cancelled
		// one stays cancelled at the series' new time
		Activity current = activities.get(actor, series.getId());
		activities.update(actor, series.getId(), current.getVersion(), new ActivityDetails(null, "Daily stand-up",
				null, null, null, null, berlin(3, 2, 9, 0), berlin(3, 2, 9, 15), false, null, List.of(), null, null,
				null, null, null, null, null, null, 10, Recurrence.every(Frequency.WEEKLY).times(4)), null);
		assertThat(calendar(berlin(3, 1, 0, 0), berlin(4, 1, 0, 0)))
			.extracting(o -> o.activity().getSubject() + " " + o.start().atZone(BERLIN).toLocalDateTime())
			.containsExactly("Daily stand-up 2026-03-02T09:00", "Stand-up 2026-03-10T15:00", "Stand-up 2026-03-16T10:00");

		// a series completes one occurrence at a time; deleting it takes the occurrences that changed apart along
		Activity again = activities.get(actor, series.getId());
		assertThatThrownBy(() -> activities.complete(actor, series.getId(), again.getVersion()))
			.isInstanceOf(RuleBroken.class);
		activities.delete(actor, series.getId(), again.getVersion());
		assertThat(jdbc.queryForObject("select count(*) from activity where series_id = ? or id = ?", Long.class,
				series.getId(), series.getId())).isZero();
	}

	@Test
	void anOccurrenceSetApartByAnotherMeanwhileIsNotOverwrittenAndOneTheSeriesLacksIsNotFound() {
		Activity series = weeklyStandUp(Recurrence.every(Frequency.WEEKLY));
		Instant second = berlin(3, 9, 10, 0);
		activities.rescheduleOccurrence(actor, series.getId(), second, series.getVersion(), berlin(3, 9, 11, 0), null);
		// someone who saw the occurrence as the series gave it moves it too
		assertThatThrownBy(() -> activities.rescheduleOccurrence(actor, series.getId(), second, series.getVersion(),
				berlin(3, 9, 14, 0), null))
			.isInstanceOf(ObjectOptimisticLockingFailureException.class);
		assertThat(activities.occurrence(actor, series.getId(), second).start()).isEqualTo(berlin(3, 9, 11, 0));
		assertThatThrownBy(() -> activities.occurrence(actor, series.getId(), berlin(3, 10, 10, 0)))
			.isInstanceOf(RecordNotFound.class);
		assertThatThrownBy(() -> activities.completeOccurrence(data.actor(data.user(data.team(), Role.SALES)),
				series.getId(), berlin(3, 16, 10, 0)))
			.isInstanceOf(RecordNotFound.class);
	}

	@Test
	void myWorkListsTheOccurrencesOfARepeatingTaskAndAnOverdueOneUntilItIsDone() {
		// a task every day at 09:00 Berlin, from Thursday 26 February
		dailyTask(berlin(2, 26, 9, 0), Recurrence.every(Frequency.DAILY));
		activities.completeOccurrence(actor, activities.myWork(actor).overdue().get(0).activity().getId(),
				berlin(2, 27, 9, 0));

		ActivityBook.MyWork work = activities.myWork(actor);
		assertThat(work.overdue()).extracting(Occurrence::start)
			.containsExactly(berlin(2, 26, 9, 0), berlin(2, 28, 9, 0), berlin(3, 1, 9, 0));
		assertThat(work.dueToday()).extracting(Occurrence::start).containsExactly(berlin(3, 2, 9, 0));
		assertThat(work.upcoming()).hasSize(7);
		assertThat(work.overdue().get(0).isOverdue(clock.instant())).isTrue();

		Occurrence today = work.dueToday().get(0);
		Activity snoozed = activities.snoozeOccurrence(actor, today.activity().getId(), today.original(), 1);
		assertThat(snoozed.getDueAt()).isEqualTo(berlin(3, 3, 9, 0));
		assertThat(activities.myWork(actor).dueToday()).isEmpty();
		assertThat(activities.myWork(actor).upcoming()).extracting(Occurrence::start)
			.startsWith(berlin(3, 3, 9, 0), berlin(3, 3, 9, 0));
	}

	@Test
	void aSeriesAlertsForEachOccurrenceOnceSkipsOneDoneApartAndAlertsOnceForWhatItMissedWhileDown() {
		Activity series = dailyTask(berlin(3, 2, 9, 0), Recurrence.every(Frequency.DAILY).times(10));
		assertThat(series.getAlertAt()).isEqualTo(berlin(3, 2, 9, 0));
		activities.completeOccurrence(actor, series.getId(), berlin(3, 3, 9, 0));

		clock.setTo(berlin(3, 2, 9, 0));
		alerts.sweep();
		alerts.sweep();
		assertThat(notices(owner, "activity.taskDue")).isEqualTo(1);
		clock.setTo(berlin(3, 3, 9, 0));
		alerts.sweep();
		assertThat(notices(owner, "activity.taskDue")).isEqualTo(1);

		// down from Tuesday until Friday noon: one alert for what was missed, then the next on Saturday
		clock.setTo(berlin(3, 6, 12, 0));
		alerts.sweep();
		alerts.sweep();
		assertThat(notices(owner, "activity.taskDue")).isEqualTo(2);
		assertThat(activities.get(actor, series.getId()).getAlertAt()).isEqualTo(berlin(3, 7, 9, 0));
		assertThat(jdbc.queryForObject("select link from notification where recipient_id = ? order by created_at desc "
				+ "limit 1", String.class, owner.getId())).contains("?occurrence=");
	}

	@Test
	void aMeetingSeriesRemindsItsParticipantsBeforeEachOccurrence() {
		weeklyStandUp(Recurrence.every(Frequency.WEEKLY).times(2));
		clock.setTo(berlin(3, 2, 9, 50));
		alerts.sweep();
		clock.setTo(berlin(3, 9, 9, 50));
		alerts.sweep();
		assertThat(notices(guest, "activity.meetingSoon")).isEqualTo(2);
	}

	@Test
	void theFeedHoldsEachOccurrenceAndAnOccurrenceChangedApartKeepsItsEntry() {
		Activity series = weeklyStandUp(Recurrence.every(Frequency.WEEKLY).times(3));
		ICalendar before = Biweekly.parse(feeds.feedOf(actor)).first();
		List<String> uids = before.getEvents().stream().map(e -> e.getUid().getValue())
			.filter(uid -> uid.startsWith(series.getId().toString()))
			.toList();
		assertThat(uids).hasSize(3).doesNotHaveDuplicates();

		activities.rescheduleOccurrence(actor, series.getId(), berlin(3, 9, 10, 0), series.getVersion(),
				berlin(3, 9, 13, 0), null);
		ICalendar after = Biweekly.parse(feeds.feedOf(actor)).first();
		assertThat(after.getEvents().stream().map(e -> e.getUid().getValue())
			.filter(uid -> uid.startsWith(series.getId().toString()))).containsExactlyInAnyOrderElementsOf(uids);
		assertThat(after.validate(biweekly.ICalVersion.V2_0).isEmpty()).as(after.validate(biweekly.ICalVersion.V2_0).toString()).isTrue();
	}

	@Test
	void onlyMeetingsAndDatedTasksRepeatAndASeriesEndsWithinTenYearsOfItsStart() {
		assertThatThrownBy(() -> activities.create(actor, new ActivityDetails(ActivityKind.NOTE, "Note", about, null,
				null, null, null, null, false, null, List.of(), null, null, null, null, null, "<p>Hi</p>", null, null,
				null, Recurrence.every(Frequency.DAILY)), Map.of()))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("recurrence"));
		assertThatThrownBy(() -> dailyTask(null, Recurrence.every(Frequency.DAILY)))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.field()).isEqualTo("recurrence"));
		assertThatThrownBy(() -> dailyTask(berlin(3, 2, 9, 0), Recurrence.every(Frequency.DAILY)
			.until(LocalDate.of(2026, 3, 1))))
			.isInstanceOfSatisfying(InvalidField.class, invalid -> assertThat(invalid.messageKey())
				.isEqualTo("validation.recurrence.until"));
		assertThatThrownBy(() -> dailyTask(berlin(3, 2, 9, 0), Recurrence.every(Frequency.DAILY)
			.until(LocalDate.of(2036, 3, 3))))
			.isInstanceOf(InvalidField.class);
		assertThat(jdbc.queryForObject("select count(*) from activity where about_id = ?", Long.class, about.id()))
			.isZero();
	}
}
