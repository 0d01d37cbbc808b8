package org.rapport.activities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.activities.ActivityKind;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityDetails;
import org.rapport.activities.internal.ActivityFilter;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.sales.web.CommerceFixtures;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
@Import(CommerceFixtures.class)
class ActivityPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	ActivityBook activities;

	@Autowired
	org.rapport.customers.Customers customers;

	User seller;
	Actor actor;
	AccountId account;
	String about;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		actor = data.actor(seller);
		account = fixtures.account(actor, TestData.unique("Timeline"));
		about = "account:" + account.value();
	}

	private Activity task(String subject, Instant due) {
		return activities.create(actor, new ActivityDetails(ActivityKind.TASK, subject,
				new RecordRef("account", account.value()), null, null, due, null, null, false, null, List.of(), null,
				null, null, null, null, null, null, null), Map.of());
	}

	@Test
	void theAccountPageLoadsItsTimelineWhoseQuickEntryLogsACallOrShowsTheFieldsError() throws Exception {
		mvc.perform(get("/accounts/{id}", account.value()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/timeline?about=account:" + account.value())));
		mvc.perform(get("/timeline").param("about", about).param("entry", "CALL").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"quick-entry\""), containsString("durationMinutes"))));
		mvc.perform(post("/timeline").with(data.as(seller)).with(csrf())
			.param("kind", "CALL").param("about", about).param("subject", "")
			.param("durationMinutes", "5").param("direction", "OUTBOUND"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is-invalid")));
		mvc.perform(post("/timeline").with(data.as(seller)).with(csrf())
			.param("kind", "CALL").param("about", about).param("subject", "Asked about the renewal")
			.param("startsAt", "2026-03-02T10:15").param("durationMinutes", "12").param("direction", "INBOUND")
			.param("outcome", "CONNECTED"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Asked about the renewal"), containsString("timeline-entry"))));
		List<Activity> logged = activities.list(actor, new ActivityFilter(ActivityKind.CALL,
				new RecordRef("account", account.value()), null, null, null, null), Sort.unsorted(),
				CustomFieldQuery.none(), 0, 10).items();
		assertThat(logged).singleElement().satisfies(call -> {
			assertThat(call.getDurationMinutes()).isEqualTo(12);
			assertThat(call.getStartsAt()).isEqualTo(
					LocalDateTime.parse("2026-03-02T10:15").atZone(actor.zone()).toInstant());
		});
	}

	@Test
	void aNoteEditedInTheFormKeepsItsFormattingAndLosesWhatIsUnsafe() throws Exception {
		String location = mvc.perform(post("/activities").with(data.as(seller)).with(csrf())
			.param("kind", "NOTE").param("about", about).param("subject", "Call notes")
			.param("body", "Ann wants it")
			.param("bodyFormat", "html")
			.param("noteHtml", "<p><b>Ann</b> wants it</p><ul><li>soon</li></ul><img src=x onerror=alert(1)>"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(allOf(containsString("<b>Ann</b> wants it"), containsString("<li>soon</li>"),
					not(containsString("onerror")))));
		// the form hands the formatted note to its editor, and plain text to a browser without a script
		mvc.perform(get(location + "/edit").with(data.as(seller)))
			.andExpect(content().string(allOf(containsString("data-rich-note"),
					containsString("value=\"&lt;p&gt;&lt;b&gt;Ann&lt;/b&gt; wants it"),
					containsString(">Ann wants it"))))
			// one box for the note, not two
			.andExpect(result -> assertThat(result.getResponse().getContentAsString().split("name=\"body\"", -1))
				.hasSize(2));
	}

	@Test
	void aNoteTypedInTheFormIsEscapedAndKeepsItsLines() throws Exception {
		mvc.perform(post("/timeline").with(data.as(seller)).with(csrf())
			.param("kind", "NOTE").param("about", about).param("subject", "Visit")
			.param("body", "Met <b>Ann</b>\n<script>alert(1)</script>"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Met &lt;b&gt;Ann&lt;/b&gt;<br />"),
					not(containsString("<script>alert")))));
	}

	@Test
	void theFormRefusesAMeetingEndingBeforeItStartsAndKeepsWhatWasTyped() throws Exception {
		org.rapport.customers.ContactId contact = customers.addContact(actor, new org.rapport.customers.NewContact(account,
				"Cora", "Client", null, "cora@example.com", null, null, null));
		mvc.perform(get("/activities/new").param("kind", "MEETING").param("about", about).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"endsAt\""),
					containsString("Cora Client &lt;cora@example.com&gt;"))));
		mvc.perform(post("/activities").with(data.as(seller)).with(csrf())
			.param("kind", "MEETING").param("about", about).param("subject", "Quarterly review")
			.param("startsAt", "2026-05-04T10:00").param("endsAt", "2026-05-04T09:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Quarterly review"), containsString("is-invalid"),
					containsString("A meeting ends after it starts"))));
		String location = mvc.perform(post("/activities").with(data.as(seller)).with(csrf())
			.param("kind", "MEETING").param("about", about).param("subject", "Quarterly review")
			.param("startsAt", "2026-05-04T10:00").param("endsAt", "2026-05-04T11:00")
			.param("participantUsers", seller.getId().toString())
			.param("participantContacts", contact.value().toString()))
			.andExpect(redirectedUrlPattern("/activities/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Quarterly review"), containsString("id=\"participants\""),
					containsString("Cora Client"))));
	}

	@Test
	void myWorkShowsOverdueTodayAndTheWeekAndCompletesOrPutsOffInOneClick() throws Exception {
		ZoneId zone = actor.zone();
		Instant startOfToday = java.time.LocalDate.now(zone).atStartOfDay(zone).toInstant();
		Activity overdue = task("Overdue follow-up", startOfToday.minus(Duration.ofHours(20)));
		task("Due later this week", startOfToday.plus(Duration.ofDays(3)).plus(Duration.ofHours(10)));
		task("Far away", startOfToday.plus(Duration.ofDays(30)));
		mvc.perform(get("/my-work").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Overdue follow-up"), containsString("Due later this week"),
					not(containsString("Far away")))));
		mvc.perform(get("/my-work/card").with(data.as(seller)))
			.andExpect(content().string(allOf(containsString("Overdue follow-up"), containsString("1 overdue"))));
		mvc.perform(post("/my-work/{id}/snooze", overdue.getId()).with(data.as(seller)).with(csrf())
			.param("version", String.valueOf(overdue.getVersion())).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Put off to tomorrow")));
		Activity snoozed = activities.get(actor, overdue.getId());
		assertThat(snoozed.getDueAt()).isAfter(startOfToday.plus(Duration.ofDays(1)))
			.isBefore(startOfToday.plus(Duration.ofDays(2)));
		mvc.perform(post("/my-work/{id}/complete", overdue.getId()).with(data.as(seller)).with(csrf())
			.param("version", String.valueOf(snoozed.getVersion())).header("HX-Request", "true"))
			.andExpect(status().isOk());
		assertThat(activities.get(actor, overdue.getId()).getCompletedAt()).isNotNull();
	}

	@Test
	void theListFiltersByKindAndExportsWhatItShows() throws Exception {
		task("Prepare the offer", Instant.now().plus(1, ChronoUnit.DAYS));
		mvc.perform(get("/activities").param("kind", "TASK").param("about", about).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Prepare the offer")));
		mvc.perform(get("/activities").param("kind", "NOTE").param("about", about).with(data.as(seller)))
			.andExpect(content().string(not(containsString("Prepare the offer"))));
		mvc.perform(get("/activities/export.csv").param("about", about).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Prepare the offer"), containsString("account:" + account.value()))));
		mvc.perform(get("/activities").with(data.as(seller)).locale(Locale.SIMPLIFIED_CHINESE)
			.header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk());
	}

	@Test
	void theListTheTimelineAndMyWorkIssueTheSameNumberOfQueriesWhateverHowManyTheyShow() throws Exception {
		ZoneId zone = actor.zone();
		Instant tomorrow = java.time.LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant();
		for (int i = 0; i < 12; i++) {
			AccountId other = fixtures.account(actor, TestData.unique("Counted"));
			activities.create(actor, new ActivityDetails(ActivityKind.TASK, "Counted " + i,
					new RecordRef("account", i % 2 == 0 ? account.value() : other.value()), null, null,
					tomorrow.plus(Duration.ofHours(i)), null, null, false, null, List.of(), null, null, null, null,
					null, null, null, null), Map.of());
		}
		String list = "/activities?owner=" + seller.getId() + "&";
		statementsFor(list, 3);
		long small = statementsFor(list, 3);
		long large = statementsFor(list, 10);
		assertThat(small).isEqualTo(large).isLessThanOrEqualTo(10);
		// the timeline and My work show every entry of the account and of the week: more entries, no more queries
		long fewOnTheTimeline = statementsFor("/timeline?about=account:" + account.value() + "&", 20);
		long fewInMyWork = org.rapport.Statements.preparedBy(() -> mvc.perform(get("/my-work").with(data.as(seller)))
			.andExpect(status().isOk()));
		for (int i = 0; i < 5; i++) {
			task("More " + i, tomorrow.plus(Duration.ofHours(i)));
		}
		assertThat(statementsFor("/timeline?about=account:" + account.value() + "&", 20)).isEqualTo(fewOnTheTimeline);
		assertThat(org.rapport.Statements.preparedBy(() -> mvc.perform(get("/my-work").with(data.as(seller)))
			.andExpect(status().isOk()))).isEqualTo(fewInMyWork);
	}

	private long statementsFor(String list, int size) throws Exception {
		return org.rapport.Statements.preparedBy(() -> mvc.perform(get(list + "size=" + size).with(data.as(seller)))
			.andExpect(status().isOk()));
	}
}
