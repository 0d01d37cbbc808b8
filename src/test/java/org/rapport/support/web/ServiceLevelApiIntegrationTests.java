package org.rapport.support.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Administrators keep the business calendars and SLA policies through the API, each checked field by field;
 * everybody else reads them.
 */
@RapportTest
class ServiceLevelApiIntegrationTests {

	static final String WEEK = "MON 09:00-17:00, TUE 09:00-12:00 13:00-17:00";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	String admin;
	String agent;

	@BeforeEach
	void setUp() {
		jdbc.update("delete from sla_policy");
		admin = data.bearer(data.user(null, Role.ADMIN));
		agent = data.bearer(data.user(data.team(), Role.SUPPORT));
	}

	@Test
	void anAdministratorKeepsACalendarAndOthersOnlyReadIt() throws Exception {
		String name = TestData.unique("Berlin");
		String location = send(post("/api/v1/business-calendars"), admin, calendar(name, "Europe/Berlin", WEEK,
				"2026-12-26 2026-12-25"))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
			.andExpect(jsonPath("$.hours").value(WEEK))
			.andExpect(jsonPath("$.holidays").value("2026-12-25 2026-12-26"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(get("/api/v1/business-calendars").header("Authorization", agent))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(id)));
		mvc.perform(get(location).header("Authorization", agent))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.name").value(name));

		send(post("/api/v1/business-calendars"), agent, calendar(TestData.unique("Mine"), "UTC", WEEK, null))
			.andExpect(status().isForbidden());
		send(put(location).header("If-Match", "\"0\""), agent, calendar(name, "UTC", WEEK, null))
			.andExpect(status().isForbidden());
		mvc.perform(delete(location).header("Authorization", agent)).andExpect(status().isForbidden());

		send(put(location), admin, calendar(name, "UTC", WEEK, null)).andExpect(status().isPreconditionRequired());
		send(put(location).header("If-Match", "\"0\""), admin, calendar(name, "Asia/Shanghai", "mon 8:00-12:00", null))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.timeZone").value("Asia/Shanghai"))
			.andExpect(jsonPath("$.hours").value("MON 08:00-12:00"))
			.andExpect(jsonPath("$.holidays").doesNotExist());
		send(put(location).header("If-Match", "\"0\""), admin, calendar(name, "UTC", WEEK, null))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(delete(location).header("Authorization", admin).header("If-Match", "\"0\""))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(delete(location).header("Authorization", admin)).andExpect(status().isNoContent());
		mvc.perform(get(location).header("Authorization", admin)).andExpect(status().isNotFound());
	}

	@Test
	void aCalendarThatCannotBeReadAnswers422NamingTheField() throws Exception {
		send(post("/api/v1/business-calendars"), admin, calendar(TestData.unique("Mars"), "Mars/Olympus", WEEK, null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("timeZone"));
		send(post("/api/v1/business-calendars"), admin,
				calendar(TestData.unique("Late"), "UTC", "MON 9 to 5", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("hours"));
		send(post("/api/v1/business-calendars"), admin,
				calendar(TestData.unique("Late"), "UTC", "MON 17:00-09:00", null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("hours"));
		send(post("/api/v1/business-calendars"), admin,
				calendar(TestData.unique("Late"), "UTC", WEEK, "2026-02-30"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("holidays"));
		send(post("/api/v1/business-calendars"), admin, "{\"timeZone\": \"UTC\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("hours")));
		String name = TestData.unique("Twice");
		send(post("/api/v1/business-calendars"), admin, calendar(name, "UTC", WEEK, null))
			.andExpect(status().isCreated());
		send(post("/api/v1/business-calendars"), admin, calendar(name, "UTC", WEEK, null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	@Test
	void anAdministratorKeepsThePoliciesInTheOrderTheyAreTried() throws Exception {
		String calendar = calendarId();
		String second = id(send(post("/api/v1/sla-policies"), admin,
				policy(TestData.unique("Normal"), 2, null, calendar, 60, 480))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.warningPercent").value(80))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.matchPriority").doesNotExist()));
		String first = id(send(post("/api/v1/sla-policies"), admin,
				policy(TestData.unique("Urgent"), 1, "\"URGENT\"", calendar, 15, 120))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.matchPriority").value("URGENT")));
		String list = mvc.perform(get("/api/v1/sla-policies").header("Authorization", agent))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(JsonPath.<List<String>>read(list, "$[*].id"))
			.containsExactly(first, second);

		String location = "/api/v1/sla-policies/" + second;
		send(post("/api/v1/sla-policies"), agent, policy(TestData.unique("Mine"), 3, null, calendar, 60, 480))
			.andExpect(status().isForbidden());
		send(put(location).header("If-Match", "\"0\""), agent, policy("Normal", 2, null, calendar, 60, 480))
			.andExpect(status().isForbidden());
		mvc.perform(delete(location).header("Authorization", agent)).andExpect(status().isForbidden());

		String renamed = TestData.unique("Standard");
		send(put(location), admin, policy(renamed, 2, null, calendar, 90, 480))
			.andExpect(status().isPreconditionRequired());
		send(put(location).header("If-Match", "\"0\""), admin, policy(renamed, 2, null, calendar, 90, 480))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value(renamed))
			.andExpect(jsonPath("$.firstResponseMinutes").value(90));
		send(put(location).header("If-Match", "\"0\""), admin, policy(renamed, 2, null, calendar, 60, 480))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(get(location).header("Authorization", agent))
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.firstResponseMinutes").value(90));

		mvc.perform(delete("/api/v1/business-calendars/" + calendar).header("Authorization", admin))
			.andExpect(status().isConflict());
		mvc.perform(delete(location).header("Authorization", admin)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/sla-policies").header("Authorization", agent))
			.andExpect(jsonPath("$[*].id", not(hasItem(second))));
	}

	@Test
	void aPolicyThatBreaksItsRulesAnswers422NamingTheField() throws Exception {
		String calendar = calendarId();
		send(post("/api/v1/sla-policies"), admin, policy(TestData.unique("Fast"), 1, null, calendar, 120, 60))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("resolutionMinutes"));
		send(post("/api/v1/sla-policies"), admin, policy(TestData.unique("Zero"), 1, null, calendar, 0, 60))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("firstResponseMinutes"));
		send(post("/api/v1/sla-policies"), admin,
				policy(TestData.unique("Nowhere"), 1, null, UUID.randomUUID().toString(), 30, 60))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("calendarId"));
		send(post("/api/v1/sla-policies"), admin,
				policy(TestData.unique("Someday"), 1, "\"SOMEDAY\"", calendar, 30, 60))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("matchPriority"));
		send(post("/api/v1/sla-policies"), admin, """
				{"name": "%s", "position": 1, "calendarId": "%s", "firstResponseMinutes": 30,
				 "resolutionMinutes": 60, "warningPercent": 101, "escalationTeamId": "%s"}"""
			.formatted(TestData.unique("Odd"), calendar, UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("warningPercent"));
		send(post("/api/v1/sla-policies"), admin, """
				{"name": "%s", "position": 1, "calendarId": "%s", "firstResponseMinutes": 30,
				 "resolutionMinutes": 60, "escalationTeamId": "%s"}"""
			.formatted(TestData.unique("Odd"), calendar, UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("escalationTeamId"));
		mvc.perform(get("/api/v1/sla-policies/" + UUID.randomUUID()).header("Authorization", agent))
			.andExpect(status().isNotFound());
	}

	private String calendarId() throws Exception {
		return id(send(post("/api/v1/business-calendars"), admin, calendar(TestData.unique("Office"), "UTC", WEEK, null))
			.andExpect(status().isCreated()));
	}

	private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
		return mvc.perform(request.header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static String id(ResultActions created) throws Exception {
		return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private static String calendar(String name, String zone, String hours, String holidays) {
		return """
				{"name": "%s", "timeZone": "%s", "hours": "%s"%s}""".formatted(name, zone, hours,
				holidays == null ? "" : ", \"holidays\": \"" + holidays + "\"");
	}

	private static String policy(String name, int position, String priority, String calendar, int response,
			int resolution) {
		return """
				{"name": "%s", "position": %d, "matchPriority": %s, "calendarId": "%s", "firstResponseMinutes": %d,
				 "resolutionMinutes": %d}""".formatted(name, position, priority == null ? "null" : priority, calendar,
				response, resolution);
	}
}
