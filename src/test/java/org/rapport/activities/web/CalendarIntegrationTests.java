package org.rapport.activities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityDetails;
import org.rapport.activities.internal.ActivityStatus;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.web.CommerceFixtures;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The calendar shows the meetings, calls and due tasks of a window, the user's own and those they take part in, as
 * far as they may see them; an entry dragged moves, and a stale one does not; the personal feed is valid
 * iCalendar that its secret address opens, until it is reset.
 */
@RapportTest
@Import(CommerceFixtures.class)
class CalendarIntegrationTests {

	static final Instant MONDAY = Instant.parse("2031-06-02T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	ActivityBook activities;

	User me;
	User teammate;
	User stranger;
	Actor actor;
	RecordRef about;

	@BeforeEach
	void setUp() {
		TeamId team = data.team();
		me = data.user(team, Role.SALES);
		teammate = data.user(team, Role.SALES);
		stranger = data.user(data.team(), Role.SALES);
		actor = data.actor(me);
		AccountId account = fixtures.account(actor, TestData.unique("Calendar"));
		about = new RecordRef("account", account.value());
	}

	private Activity meeting(Actor owner, RecordRef on, String subject, Instant start, List<RecordRef> people) {
		return activities.create(owner, new ActivityDetails(ActivityKind.MEETING, subject, on, null, null, null, start,
				start.plus(Duration.ofHours(1)), false, "Room 4", people, null, null, null, null, null, null, null,
				null), Map.of());
	}

	private Activity task(String subject, Instant due) {
		return activities.create(actor, new ActivityDetails(ActivityKind.TASK, subject, about, null, null, due, null,
				null, false, null, List.of(), null, null, null, null, null, null, null, null), Map.of());
	}

	@Test
	void theWeekShowsMyEntriesAndTheMeetingsITakePartInButNotWhatIMayNotSee() throws Exception {
		meeting(actor, about, "Mine", MONDAY.plus(Duration.ofHours(9)), List.of());
		Actor theirs = data.actor(teammate);
		meeting(theirs, about, "Invited", MONDAY.plus(Duration.ofHours(11)), List.of(new RecordRef("user", me.getId())));
		task("Due on Tuesday", MONDAY.plus(Duration.ofHours(33)));
		task("Undated", null);
		Activity cancelled = meeting(actor, about, "Called off", MONDAY.plus(Duration.ofHours(14)), List.of());
		activities.cancel(actor, cancelled.getId(), cancelled.getVersion());
		Actor other = data.actor(stranger);
		AccountId theirAccount = fixtures.account(other, TestData.unique("Elsewhere"));
		meeting(other, new RecordRef("account", theirAccount.value()), "Elsewhere", MONDAY.plus(Duration.ofHours(10)),
				List.of());
		task("Next week", MONDAY.plus(Duration.ofDays(8)));

		mvc.perform(get("/api/v1/calendar").param("from", MONDAY.toString())
			.param("to", MONDAY.plus(Duration.ofDays(7)).toString()).header("Authorization", data.bearer(me)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].subject").value("Mine"))
			.andExpect(jsonPath("$[1].subject").value("Invited"))
			.andExpect(jsonPath("$[2].subject").value("Due on Tuesday"));
		mvc.perform(get("/api/v1/calendar").param("from", MONDAY.toString())
			.param("to", MONDAY.plus(Duration.ofDays(90)).toString()).header("Authorization", data.bearer(me)))
			.andExpect(status().isUnprocessableContent());
		// a teammate's calendar: their own entries, as far as I may see them
		mvc.perform(get("/calendar/events").param("start", "2031-06-02T00:00:00Z").param("end", "2031-06-09T00:00:00Z")
			.param("owner", teammate.getId().toString()).with(data.as(me)))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].title").value("Invited"))
			.andExpect(jsonPath("$[0].start").value("2031-06-02T11:00:00"));
	}

	@Test
	void aMeetingDraggedToAnotherDayMovesAndItsLengthStaysWhileAStaleDragMovesNothing() throws Exception {
		Activity meeting = meeting(actor, about, "Moving", MONDAY.plus(Duration.ofHours(9)), List.of());
		mvc.perform(post("/calendar/{id}/move", meeting.getId()).with(data.as(me)).with(csrf())
			.param("version", String.valueOf(meeting.getVersion())).param("start", "2031-06-04T15:30"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(meeting.getVersion() + 1));
		Activity moved = activities.get(actor, meeting.getId());
		assertThat(moved.getStartsAt()).isEqualTo(Instant.parse("2031-06-04T15:30:00Z"));
		assertThat(moved.getEndsAt()).isEqualTo(Instant.parse("2031-06-04T16:30:00Z"));
		mvc.perform(post("/calendar/{id}/move", meeting.getId()).with(data.as(me)).with(csrf())
			.param("version", String.valueOf(meeting.getVersion())).param("start", "2031-06-05T15:30"))
			.andExpect(status().isConflict());
		mvc.perform(post("/calendar/{id}/move", meeting.getId()).with(data.as(me)).with(csrf())
			.param("version", String.valueOf(moved.getVersion())).param("start", "2031-06-05T15:30")
			.param("end", "2031-06-05T14:30"))
			.andExpect(status().isUnprocessableContent());
		assertThat(activities.get(actor, meeting.getId()).getStartsAt()).isEqualTo(moved.getStartsAt());
	}

	@Test
	void aSlotChosenOnTheCalendarOpensANewMeetingAtThatTime() throws Exception {
		mvc.perform(get("/activities/new").param("kind", "MEETING").param("startsAt", "2031-06-03T10:00")
			.param("endsAt", "2031-06-03T11:30").with(data.as(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"2031-06-03T10:00:00\"")))
			.andExpect(content().string(containsString("value=\"2031-06-03T11:30:00\"")));
		mvc.perform(get("/calendar").with(data.as(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"calendar\"")));
	}

	@Test
	void theFeedIsValidICalendarThatItsSecretAddressOpensUntilItIsReset() throws Exception {
		Instant soon = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
		Activity meeting = meeting(actor, about, "Feed meeting", soon, List.of());
		task("Feed task", soon.plus(Duration.ofHours(3)));
		String path = (String) mvc.perform(post("/calendar/feed").with(data.as(me)).with(csrf()))
			.andExpect(flash().attributeExists("feedPath"))
			.andReturn().getFlashMap().get("feedPath");

		String text = mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn().getResponse().getContentAsString();
		ICalendar feed = Biweekly.parse(text).first();
		assertThat(feed.validate(ICalVersion.V2_0).isEmpty()).as(feed.validate(ICalVersion.V2_0).toString()).isTrue();
		assertThat(feed.getEvents()).anySatisfy(event -> {
			assertThat(event.getUid().getValue()).isEqualTo(meeting.getId() + "@rapport");
			assertThat(event.getSummary().getValue()).isEqualTo("Feed meeting");
			assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(soon);
			assertThat(event.getLocation().getValue()).isEqualTo("Room 4");
		});
		assertThat(feed.getTodos()).anySatisfy(task -> assertThat(task.getSummary().getValue()).isEqualTo("Feed task"));

		mvc.perform(post("/calendar/feed").with(data.as(me)).with(csrf()));
		mvc.perform(get(path)).andExpect(status().isNotFound());
		assertThat(activities.get(actor, meeting.getId()).getStatus()).isEqualTo(ActivityStatus.OPEN);
	}
}
