package org.rapport.activities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.customers.NewContact;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.search.Indexing;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RapportTest
@Import(CommerceFixtures.class)
class ActivityApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	Customers customers;

	@Autowired
	Indexing indexing;

	User seller;
	User other;
	String token;
	String otherToken;
	AccountId account;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		other = data.user(data.team(), Role.SALES);
		token = data.bearer(seller);
		otherToken = data.bearer(other);
		account = fixtures.account(data.actor(seller), TestData.unique("Activity"));
	}

	private ResultActions create(String bearer, String json) throws Exception {
		return mvc.perform(post("/api/v1/activities").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}

	private String about() {
		return "account:" + account.value();
	}

	@Test
	void aTaskNamesWhatItIsAboutAsTheTimelineDoesAndIsCompletedWithIfMatch() throws Exception {
		Instant due = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		String body = create(token, """
				{"kind": "TASK", "subject": "Send the proposal", "about": "%s", "dueAt": "%s", "priority": "HIGH"}
				""".formatted(about(), due))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.about").value(about()))
			.andExpect(jsonPath("$.accountId").value(account.value().toString()))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.priority").value("HIGH"))
			.andExpect(jsonPath("$.occursAt").value(due.toString()))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		mvc.perform(post("/api/v1/activities/{id}/complete", id).header("Authorization", token)
			.header("If-Match", "\"5\"")).andExpect(status().isPreconditionFailed());
		mvc.perform(post("/api/v1/activities/{id}/complete", id).header("Authorization", token)
			.header("If-Match", "\"0\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.completedAt").value(not(nullValue())));
		mvc.perform(get("/api/v1/activities").param("about", about()).param("status", "DONE")
			.header("Authorization", token))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].subject").value("Send the proposal"));
	}

	@Test
	void badInputNamesTheFieldAndStoresNothing() throws Exception {
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		create(token, """
				{"kind": "MEETING", "subject": "Review", "about": "%s", "startsAt": "%s", "endsAt": "%s"}
				""".formatted(about(), start, start.minusSeconds(3600)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content("endsAt"));
		create(token, """
				{"kind": "TASK", "subject": "Call", "about": "planet:%s"}
				""".formatted(UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content("about"));
		create(token, """
				{"kind": "MEETING", "subject": "Review", "about": "%s", "startsAt": "%s", "endsAt": "%s",
				 "participants": ["contact:%s"]}
				""".formatted(about(), start, start.plusSeconds(3600), UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content("participants"));
		create(token, """
				{"kind": "NOTE", "subject": "Empty", "about": "%s", "body": "<script>x()</script>"}
				""".formatted(about()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content("body"));
		create(token, """
				{"kind": "TASK", "subject": "Far", "about": "%s", "dueAt": "+20260-01-01T00:00:00Z"}
				""".formatted(about()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content("dueAt"));
		mvc.perform(get("/api/v1/activities").param("about", about()).param("to", "+99999-01-01T00:00:00Z")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/activities").param("about", about()).header("Authorization", token))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	private static org.springframework.test.web.servlet.ResultMatcher content(String field) {
		return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
			.string(containsString("\"" + field + "\""));
	}

	@Test
	void aNoteKeepsSafeHtmlOnly() throws Exception {
		create(token, """
				{"kind": "NOTE", "subject": "Visit", "about": "%s",
				 "body": "<p onclick=\\"steal()\\">Met <b>Ann</b><img src=x onerror=alert(1)> <a href=\\"javascript:alert(1)\\">x</a> <a href=\\"https://example.com\\">site</a></p><script>alert(1)</script>"}
				""".formatted(about()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.body").value(not(containsString("script"))))
			.andExpect(jsonPath("$.body").value(not(containsString("onerror"))))
			.andExpect(jsonPath("$.body").value(not(containsString("onclick"))))
			.andExpect(jsonPath("$.body").value(not(containsString("javascript:"))))
			.andExpect(jsonPath("$.body").value(containsString("<b>Ann</b>")))
			.andExpect(jsonPath("$.body").value(containsString("href=\"https://example.com\"")));
	}

	@Test
	void anAccountsTimelineHoldsItsContactsActivitiesPagedByKeysetAndHidesWhatOthersMayNotSee() throws Exception {
		ContactId contact = customers.addContact(data.actor(seller),
				new NewContact(account, "Ann", "Lee", null, null, null, null, null));
		Instant base = Instant.parse("2026-01-10T09:00:00Z");
		for (int i = 0; i < 5; i++) {
			create(token, """
					{"kind": "CALL", "subject": "Call %d", "about": "contact:%s", "startsAt": "%s", "durationMinutes": 5}
					""".formatted(i, contact.value(), base.plus(i, ChronoUnit.HOURS))).andExpect(status().isCreated());
		}
		create(token, """
				{"kind": "NOTE", "subject": "On the account", "about": "%s", "body": "Plain text"}
				""".formatted(about())).andExpect(status().isCreated());
		String first = mvc.perform(get("/api/v1/timeline").param("about", about()).param("size", "4")
			.header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(4)))
			.andExpect(jsonPath("$.items[0].activity.subject").value("On the account"))
			.andExpect(jsonPath("$.items[1].activity.subject").value("Call 4"))
			.andExpect(jsonPath("$.items[1].activity.about").value("contact:" + contact.value()))
			.andReturn().getResponse().getContentAsString();
		String next = JsonPath.read(first, "$.next");
		mvc.perform(get("/api/v1/timeline").param("about", about()).param("size", "4").param("before", next)
			.header("Authorization", token))
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[1].activity.subject").value("Call 0"))
			.andExpect(jsonPath("$.next").value(nullValue()));
		mvc.perform(get("/api/v1/timeline").param("about", about()).param("kind", "NOTE")
			.header("Authorization", token))
			.andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(get("/api/v1/timeline").param("about", "contact:" + contact.value())
			.header("Authorization", token))
			.andExpect(jsonPath("$.items", hasSize(5)));
		// a user of another team sees none of it, whether listed, on the timeline or opened
		mvc.perform(get("/api/v1/timeline").param("about", about()).header("Authorization", otherToken))
			.andExpect(status().isNotFound());
		String id = JsonPath.read(first, "$.items[0].id");
		mvc.perform(get("/api/v1/activities/{id}", id).header("Authorization", otherToken))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/activities").header("Authorization", otherToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
		// nor may they record anything about the account
		create(otherToken, """
				{"kind": "NOTE", "subject": "Sneak", "about": "%s", "body": "x"}
				""".formatted(about()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/v1/timeline").param("about", about()).param("before", "yesterday")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void theGlobalSearchFindsAnActivityBySubjectForThoseWhoMaySeeIt() throws Exception {
		String word = TestData.unique("Zephyrine");
		String id = JsonPath.read(create(token, """
				{"kind": "TASK", "subject": "Ask %s about the budget", "about": "%s"}
				""".formatted(word, about())).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.id");
		indexing.settle();
		mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", token))
			.andExpect(jsonPath("$.items[0].id").value(id))
			.andExpect(jsonPath("$.items[0].kind").value("activity"))
			.andExpect(jsonPath("$.items[0].url").value("/activities/" + id));
		mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", otherToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void anUpdateKeepsTheKindAndTheRecordAndADeleteNeedsTheVersion() throws Exception {
		Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		String body = create(token, """
				{"kind": "MEETING", "subject": "Kick-off", "about": "%s", "startsAt": "%s", "endsAt": "%s",
				 "location": "Room 1", "participants": ["user:%s"]}
				""".formatted(about(), start, start.plusSeconds(3600), other.getId()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.participants[0]").value("user:" + other.getId()))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		mvc.perform(put("/api/v1/activities/{id}", id).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "TASK", "subject": "Kick-off", "about": "%s", "startsAt": "%s", "endsAt": "%s"}
					""".formatted(about(), start, start.plusSeconds(3600))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content("kind"));
		mvc.perform(put("/api/v1/activities/{id}", id).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"subject": "Kick-off, moved", "startsAt": "%s", "endsAt": "%s", "location": "Room 2"}
					""".formatted(start.plusSeconds(7200), start.plusSeconds(10800))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.location").value("Room 2"))
			.andExpect(jsonPath("$.occursAt").value(start.plusSeconds(7200).toString()));
		mvc.perform(delete("/api/v1/activities/{id}", id).header("Authorization", token).header("If-Match", "\"0\""))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(delete("/api/v1/activities/{id}", id).header("Authorization", token).header("If-Match", "\"1\""))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/activities/{id}", id).header("Authorization", token))
			.andExpect(status().isNotFound());
		assertThat(id).isNotBlank();
	}
}
