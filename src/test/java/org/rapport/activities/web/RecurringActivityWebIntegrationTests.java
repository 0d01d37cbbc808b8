package org.rapport.activities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A repeating meeting or task through the API and the pages: made with an RRULE or the form's repeat fields, shown
 * occurrence by occurrence, and changed one occurrence at a time or as a series, with the version read.
 */
@RapportTest
@Import(CommerceFixtures.class)
class RecurringActivityWebIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	User seller;
	String token;
	AccountId account;

	/** Next Monday, 10:00 UTC, the time zone of the test users. */
	Instant monday;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		token = data.bearer(seller);
		account = fixtures.account(data.actor(seller), TestData.unique("Series"));
		monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(10, 0)
			.toInstant(ZoneOffset.UTC);
	}

	private String createSeries(String rrule) throws Exception {
		String body = mvc.perform(post("/api/v1/activities").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "MEETING", "subject": "Weekly review", "about": "account:%s", "startsAt": "%s",
					 "endsAt": "%s", "recurrence": "%s"}
					""".formatted(account.value(), monday, monday.plus(1, ChronoUnit.HOURS), rrule)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.recurrence").value(rrule))
			.andExpect(jsonPath("$.recurrenceZone").value("UTC"))
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	@Test
	void theApiMakesASeriesFromAnRruleListsItsOccurrencesAndChangesOneWithTheVersionRead() throws Exception {
		String id = createSeries("FREQ=WEEKLY;COUNT=3");
		mvc.perform(get("/api/v1/activities/{id}/occurrences", id).header("Authorization", token)
			.param("from", monday.minus(1, ChronoUnit.DAYS).toString())
			.param("to", monday.plus(30, ChronoUnit.DAYS).toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[1].id").value(id))
			.andExpect(jsonPath("$[1].seriesId").value(id))
			.andExpect(jsonPath("$[1].startsAt").value(monday.plus(7, ChronoUnit.DAYS).toString()))
			.andExpect(jsonPath("$[1].originalStart").value(monday.plus(7, ChronoUnit.DAYS).toString()));

		Instant second = monday.plus(7, ChronoUnit.DAYS);
		String change = """
				{"subject": "Review with the buyer", "startsAt": "%s", "endsAt": "%s"}
				""".formatted(second.plus(2, ChronoUnit.HOURS), second.plus(3, ChronoUnit.HOURS));
		// without the version read, nothing changes
		mvc.perform(put("/api/v1/activities/{id}/occurrences/{start}", id, second).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(change)).andExpect(status().isPreconditionRequired());
		String own = mvc.perform(put("/api/v1/activities/{id}/occurrences/{start}", id, second)
			.header("Authorization", token)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(change))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(not(id)))
			.andExpect(jsonPath("$.seriesId").value(id))
			.andExpect(jsonPath("$.originalStart").value(second.toString()))
			.andExpect(jsonPath("$.subject").value("Review with the buyer"))
			.andExpect(jsonPath("$.recurrence").doesNotExist())
			.andReturn().getResponse().getContentAsString();
		String ownId = JsonPath.read(own, "$.id");
		// the occurrence is an activity of its own now: the series' version no longer changes it
		mvc.perform(put("/api/v1/activities/{id}/occurrences/{start}", id, second).header("Authorization", token)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(change)).andExpect(status().isPreconditionFailed());
		mvc.perform(get("/api/v1/activities/{id}/occurrences/{start}", id, second).header("Authorization", token))
			.andExpect(jsonPath("$.id").value(ownId));

		mvc.perform(post("/api/v1/activities/{id}/occurrences/{start}/cancel", id, monday.plus(14, ChronoUnit.DAYS))
			.header("Authorization", token)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
		mvc.perform(get("/api/v1/calendar").header("Authorization", token)
			.param("from", monday.minus(1, ChronoUnit.DAYS).toString())
			.param("to", monday.plus(30, ChronoUnit.DAYS).toString()))
			.andExpect(jsonPath("$[?(@.subject == 'Weekly review')]", hasSize(1)))
			.andExpect(jsonPath("$[?(@.subject == 'Review with the buyer')].startsAt")
				.value(second.plus(2, ChronoUnit.HOURS).toString()));

		mvc.perform(post("/api/v1/activities/{id}/complete", id).header("Authorization", token))
			.andExpect(status().isConflict());
	}

	@Test
	void aRuleBeyondWhatRapportRepeatsIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
		for (String rrule : List.of("FREQ=YEARLY", "FREQ=DAILY;COUNT=0", "FREQ=WEEKLY;BYDAY=XX")) {
			mvc.perform(post("/api/v1/activities").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"kind": "TASK", "subject": "Report", "about": "account:%s", "dueAt": "%s", "recurrence": "%s"}
						""".formatted(account.value(), monday, rrule)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("\"recurrence\"")));
		}
		mvc.perform(post("/api/v1/activities").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kind": "CALL", "subject": "Call", "about": "account:%s", "startsAt": "%s", "recurrence": "FREQ=DAILY"}
					""".formatted(account.value(), monday)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("\"recurrence\"")));
		mvc.perform(get("/api/v1/activities").header("Authorization", token).param("about", "account:" + account.value()))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void theFormMakesAWeeklySeriesWhosePageDescribesItAndOneOccurrenceIsEditedApart() throws Exception {
		LocalDateTime start = LocalDateTime.ofInstant(monday, ZoneOffset.UTC);
		String location = mvc.perform(post("/activities").with(data.as(seller)).with(csrf())
			.param("kind", "MEETING")
			.param("subject", "Pipeline review")
			.param("about", "account:" + account.value())
			.param("startsAt", start.toString())
			.param("endsAt", start.plusMinutes(45).toString())
			.param("reminderMinutes", "-1")
			.param("repeat", "WEEKLY")
			.param("repeatInterval", "1")
			.param("repeatDays", "MONDAY", "THURSDAY")
			.param("repeatEnd", "AFTER")
			.param("repeatCount", "6"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(containsString("Every week on Monday, Thursday, 6 times")))
			.andExpect(content().string(containsString("?occurrence=" + monday.plus(3, ChronoUnit.DAYS))));
		mvc.perform(get(location).with(data.as(seller)).sessionAttr(
				org.springframework.web.servlet.i18n.SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
				java.util.Locale.SIMPLIFIED_CHINESE))
			.andExpect(content().string(containsString("每周的星期一、星期四,共 6 次")));

		Instant thursday = monday.plus(3, ChronoUnit.DAYS);
		mvc.perform(get("/activities/{id}", id).param("occurrence", thursday.toString()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"edit-occurrence\"")));
		mvc.perform(get("/activities/{id}/edit", id).param("occurrence", thursday.toString()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"occurrence-note\"")))
			.andExpect(content().string(not(containsString("id=\"repeat-fields\""))));
		LocalDateTime moved = LocalDateTime.ofInstant(thursday, ZoneOffset.UTC).plusHours(4);
		mvc.perform(post("/activities/{id}", id).with(data.as(seller)).with(csrf())
			.param("kind", "MEETING")
			.param("version", "0")
			.param("occurrence", thursday.toString())
			.param("subject", "Pipeline review, late")
			.param("startsAt", moved.toString())
			.param("endsAt", moved.plusMinutes(45).toString())
			.param("reminderMinutes", "-1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/activities/*"));
		// the occurrence now has a page of its own
		mvc.perform(get("/activities/{id}", id).param("occurrence", thursday.toString()).with(data.as(seller)))
			.andExpect(status().is3xxRedirection());

		// a repetition the form gets wrong is told at its field, keeping what was typed
		mvc.perform(post("/activities").with(data.as(seller)).with(csrf())
			.param("kind", "TASK")
			.param("subject", "Weekly report")
			.param("about", "account:" + account.value())
			.param("dueAt", start.toString())
			.param("repeat", "DAILY")
			.param("repeatEnd", "ON"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Weekly report\"")))
			.andExpect(content().string(containsString("must be filled in")));
	}

	@Test
	void theCalendarShowsEachOccurrenceAndADraggedOneMovesApartFromTheSeries() throws Exception {
		String id = createSeries("FREQ=DAILY;COUNT=5");
		LocalDate day = LocalDate.ofInstant(monday, ZoneOffset.UTC);
		String events = mvc.perform(get("/calendar/events").with(data.as(seller))
			.param("start", day.toString())
			.param("end", day.plusDays(7).toString()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<String> occurrences = JsonPath.read(events, "$[?(@.extendedProps.activity == '" + id
				+ "')].extendedProps.occurrence");
		assertThat(occurrences).hasSize(5).doesNotHaveDuplicates();
		List<String> urls = JsonPath.read(events, "$[?(@.extendedProps.activity == '" + id + "')].url");
		assertThat(urls.get(2)).isEqualTo("/activities/" + id + "?occurrence=" + monday.plus(2, ChronoUnit.DAYS));

		Instant third = monday.plus(2, ChronoUnit.DAYS);
		mvc.perform(post("/calendar/{id}/move", id).with(data.as(seller)).with(csrf())
			.param("version", "0")
			.param("occurrence", third.toString())
			.param("start", day.plusDays(2).atTime(15, 0).toString())
			.param("end", day.plusDays(2).atTime(16, 0).toString()))
			.andExpect(status().isOk());
		String after = mvc.perform(get("/calendar/events").with(data.as(seller))
			.param("start", day.toString())
			.param("end", day.plusDays(7).toString()))
			.andReturn().getResponse().getContentAsString();
		assertThat((List<String>) JsonPath.read(after, "$[?(@.extendedProps.activity == '" + id
				+ "')].extendedProps.occurrence")).hasSize(4).doesNotContain(third.toString());
		assertThat((List<String>) JsonPath.read(after, "$[?(@.title == 'Weekly review')].start"))
			.contains(day.plusDays(2).atTime(15, 0) + ":00");
		// a second drag by someone who still saw it in the series is refused
		mvc.perform(post("/calendar/{id}/move", id).with(data.as(seller)).with(csrf())
			.param("version", "0")
			.param("occurrence", third.toString())
			.param("start", day.plusDays(2).atTime(17, 0).toString()))
			.andExpect(status().isConflict());
	}
}
