package org.rapport.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.customers.AccountSource;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.support.internal.BusinessCalendar;
import org.rapport.support.internal.ServiceLevels;
import org.rapport.support.internal.SlaPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The case API opens a case in a queue with its number and SLA due times, guards its changes with versions and its
 * status moves with the case's rules, answers comments, and hands the queue's cases to the agents who take them.
 */
@RapportTest
class CaseApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	ServiceLevels levels;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.rapport.sales.leads.internal.LeadMerge merges;

	@Autowired
	CustomFieldService fields;

	@Autowired
	LeadService leads;

	TeamId team;
	User agent;
	String agentToken;
	AccountId account;

	@BeforeEach
	void setUp() {
		// this class decides which policies exist: one for every case, around the clock in UTC
		jdbc.update("delete from sla_policy");
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		BusinessCalendar always = levels.createCalendar(admin, TestData.unique("Always"), "UTC",
				"MON 00:00-24:00, TUE 00:00-24:00, WED 00:00-24:00, THU 00:00-24:00, FRI 00:00-24:00, "
						+ "SAT 00:00-24:00, SUN 00:00-24:00",
				null);
		levels.createPolicy(admin, new SlaPolicy.Terms(TestData.unique("Any case"), 1, null, null, always.getId(), 60,
				480, 80, false, true, null, true));
		team = data.team();
		agent = data.user(team, Role.SUPPORT);
		agentToken = data.bearer(agent);
		account = customers.openAccount(data.actor(agent), new NewAccount(TestData.unique("Clinic"),
				AccountType.COMPANY, null, null, null, null, null));
	}

	@Test
	void aCaseOpenedWithTheMinimalBodyAnswersItsNumberAndItsDueTimes() throws Exception {
		Instant before = Instant.now();
		String body = open(agentToken, minimal("HIGH"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", matchesPattern(".*/api/v1/cases/[0-9a-f-]{36}")))
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.number").value(matchesPattern("CS-\\d{6}")))
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.priority").value("HIGH"))
			.andExpect(jsonPath("$.channel").value("PHONE"))
			.andExpect(jsonPath("$.queueId").value(team.value().toString()))
			.andExpect(jsonPath("$.ownerId").value(agent.getId().toString()))
			.andExpect(jsonPath("$.taken").value(true))
			.andExpect(jsonPath("$.open").value(true))
			.andExpect(jsonPath("$.nextStatuses", hasItem("IN_PROGRESS")))
			.andExpect(jsonPath("$.slaState").value("ON_TRACK"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Instant after = Instant.now();
		Instant response = Instant.parse(JsonPath.read(body, "$.responseDueAt"));
		Instant resolution = Instant.parse(JsonPath.read(body, "$.resolutionDueAt"));
		assertThat(response).isBetween(before.plus(Duration.ofMinutes(60)).minusSeconds(1),
				after.plus(Duration.ofMinutes(60)).plusSeconds(1));
		assertThat(Duration.between(response, resolution)).isEqualTo(Duration.ofMinutes(420));
	}

	@Test
	void missingAndInvalidFieldsAnswer422NamingEachField() throws Exception {
		open(agentToken, "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("accountId")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("subject")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("priority")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("channel")));
		open(agentToken, minimal("SOMETIMES")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("priority"));
		open(agentToken, """
				{"accountId": "%s", "subject": "%s", "priority": "LOW", "channel": "EMAIL"}"""
			.formatted(account.value(), "x".repeat(256))).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		open(agentToken, withExtra(", \"queueId\": \"" + UUID.randomUUID() + "\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("queueId"));
		open(agentToken, withExtra(", \"contactId\": \"" + UUID.randomUUID() + "\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("contactId"));
		open(data.bearer(data.user(data.team(), Role.SUPPORT)), minimal("LOW"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
	}

	@Test
	void anotherTeamsCaseIsNotFound() throws Exception {
		String location = location(open(agentToken, minimal("LOW")));
		String stranger = data.bearer(data.user(data.team(), Role.SUPPORT));
		mvc.perform(get(location).header("Authorization", stranger)).andExpect(status().isNotFound());
		mvc.perform(put(location).header("Authorization", stranger)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(minimal("LOW"))).andExpect(status().isNotFound());
		mvc.perform(post(location + "/take").header("Authorization", stranger)).andExpect(status().isNotFound());
		mvc.perform(get(location + "/comments").header("Authorization", stranger)).andExpect(status().isNotFound());
		mvc.perform(get(location).header("Authorization", data.bearer(data.user(team, Role.SUPPORT))))
			.andExpect(status().isOk());
	}

	@Test
	void aChangeNamesTheVersionItReadAndAStaleOneAnswers412() throws Exception {
		String location = location(open(agentToken, minimal("LOW")));
		change(location, null, "URGENT").andExpect(status().isPreconditionRequired());
		change(location, "\"0\"", "URGENT").andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.priority").value("URGENT"))
			.andExpect(jsonPath("$.subject").value("The printer jams"));
		change(location, "\"0\"", "NORMAL").andExpect(status().isPreconditionFailed());
		mvc.perform(post(location + "/status").header("Authorization", agentToken)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\": \"IN_PROGRESS\"}")).andExpect(status().isPreconditionFailed());
		mvc.perform(get(location).header("Authorization", agentToken))
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.priority").value("URGENT"));
	}

	@Test
	void resolvingNeedsAResolutionAndAClosedCaseOnlyReopens() throws Exception {
		String location = location(open(agentToken, minimal("NORMAL")));
		move(location, "RESOLVED", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("resolution"));
		move(location, "CLOSED", "Duplicate of another case").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.open").value(false))
			.andExpect(jsonPath("$.closedAt", notNullValue()))
			.andExpect(jsonPath("$.slaState").value("MET"))
			.andExpect(jsonPath("$.nextStatuses", hasSize(1)));
		move(location, "IN_PROGRESS", null).andExpect(status().isConflict());
		change(location, "*", "HIGH").andExpect(status().isConflict());
		move(location, "REOPENED", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REOPENED"))
			.andExpect(jsonPath("$.resolution").value("Duplicate of another case"))
			.andExpect(jsonPath("$.closedAt", nullValue()));
		move(location, "NOT_A_STATUS", null).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void theFirstPublicCommentIsTheFirstResponse() throws Exception {
		String location = location(open(agentToken, minimal("NORMAL")));
		comment(location, "{\"body\": \"Checked the logs\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.public").value(false))
			.andExpect(jsonPath("$.authorId").value(agent.getId().toString()));
		mvc.perform(get(location).header("Authorization", agentToken))
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.firstResponseAt", nullValue()));
		comment(location, "{\"body\": \"We are on it\", \"public\": true}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.public").value(true))
			.andExpect(jsonPath("$.body").value("We are on it"));
		mvc.perform(get(location).header("Authorization", agentToken))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.firstResponseAt", notNullValue()))
			.andExpect(jsonPath("$.responseDueAt", nullValue()))
			.andExpect(jsonPath("$.resolutionDueAt", notNullValue()));
		mvc.perform(get(location + "/comments").header("Authorization", agentToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].body").value("Checked the logs"))
			.andExpect(jsonPath("$[1].public").value(true));
		comment(location, "{\"body\": \"  \"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		comment(location, "{\"body\": \"ok\", \"public\": \"maybe\"}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("public"));
	}

	@Test
	void aCaseLeftInTheQueueWaitsThereUntilAColleagueTakesIt() throws Exception {
		String location = location(open(agentToken, withExtra(", \"assignToMe\": false")));
		String id = location.substring(location.lastIndexOf('/') + 1);
		User colleague = data.user(team, Role.SUPPORT);
		String colleagueToken = data.bearer(colleague);
		mvc.perform(get(location).header("Authorization", agentToken)).andExpect(jsonPath("$.taken").value(false));
		mvc.perform(get("/api/v1/queues/" + team.value()).header("Authorization", colleagueToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", hasItem(id)));
		mvc.perform(post(location + "/take").header("Authorization", colleagueToken).header("If-Match", "\"1\""))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(post(location + "/take").header("Authorization", colleagueToken).header("If-Match", "\"0\""))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.taken").value(true))
			.andExpect(jsonPath("$.ownerId").value(colleague.getId().toString()));
		mvc.perform(get("/api/v1/queues/" + team.value()).header("Authorization", colleagueToken))
			.andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
		mvc.perform(get("/api/v1/cases").param("owner", colleague.getId().toString())
			.param("open", "true")
			.header("Authorization", colleagueToken)).andExpect(jsonPath("$.items[*].id", hasItem(id)));
		mvc.perform(get("/api/v1/queues/" + UUID.randomUUID()).header("Authorization", colleagueToken))
			.andExpect(status().isNotFound());
	}

	@Test
	void theListFiltersByAccountPriorityStatusAndSlaState() throws Exception {
		String high = location(open(agentToken, minimal("HIGH")));
		String low = location(open(agentToken, minimal("LOW")));
		String highId = high.substring(high.lastIndexOf('/') + 1);
		String lowId = low.substring(low.lastIndexOf('/') + 1);
		// the same policy holds both: the case opened first falls due first
		mvc.perform(get("/api/v1/cases").param("account", account.value().toString())
			.param("sort", "due,asc")
			.header("Authorization", agentToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0].id").value(highId));
		mvc.perform(get("/api/v1/cases").param("account", account.value().toString())
			.param("sort", "created,desc")
			.header("Authorization", agentToken))
			.andExpect(jsonPath("$.items[0].id").value(lowId));
		move(low, "CLOSED", "Answered by phone").andExpect(status().isOk());
		mvc.perform(get("/api/v1/cases").param("account", account.value().toString())
			.param("priority", "HIGH")
			.header("Authorization", agentToken)).andExpect(jsonPath("$.items[*].id").value(hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(highId));
		mvc.perform(get("/api/v1/cases").param("account", account.value().toString())
			.param("open", "false")
			.header("Authorization", agentToken)).andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(lowId));
		mvc.perform(get("/api/v1/cases").param("account", account.value().toString())
			.param("status", "CLOSED")
			.param("sla", "MET")
			.header("Authorization", agentToken)).andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(lowId));
		mvc.perform(get("/api/v1/cases").param("account", account.value().toString())
			.param("sla", "ON_TRACK")
			.param("queue", team.value().toString())
			.header("Authorization", agentToken)).andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].id").value(highId));
		mvc.perform(get("/api/v1/cases").param("sla", "SOMETIMES").header("Authorization", agentToken))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("sla"));
	}

	@Test
	void customFieldsTravelInTheBodyStayWhenLeftOutAndFilterTheList() throws Exception {
		String key = "ref" + TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		UUID field = fields.define("case", key, FieldType.TEXT,
				new FieldText("Reference", "参考号", null, null, false, null, List.of(), null)).getId();
		try {
			String first = location(open(agentToken, withExtra(", \"customFields\": {\"" + key + "\": \"A-1\"}")));
			String second = location(open(agentToken, withExtra(", \"customFields\": {\"" + key + "\": \"B-2\"}")));
			mvc.perform(get(first).header("Authorization", agentToken))
				.andExpect(jsonPath("$.customFields." + key).value("A-1"));
			change(first, "\"0\"", "HIGH").andExpect(status().isOk())
				.andExpect(jsonPath("$.customFields." + key).value("A-1"));
			mvc.perform(get("/api/v1/cases").param("cf." + key, "a-1").header("Authorization", agentToken))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].id", hasItem(first.substring(first.lastIndexOf('/') + 1))))
				.andExpect(jsonPath("$.items[*].id", not(hasItem(second.substring(second.lastIndexOf('/') + 1)))));
			open(agentToken, withExtra(", \"customFields\": {\"nosuchfield\": \"x\"}"))
				.andExpect(status().isUnprocessableContent());
		}
		finally {
			fields.retire(field);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDocumentStatesWhatACaseTakesAndEveryOperationsSummary() throws Exception {
		String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(document, "$.components.schemas.CaseInput.required"))
			.as("accountId is required unless leadId is given").containsExactlyInAnyOrder("subject", "priority", "channel");
		assertThat(JsonPath.<Integer>read(document, "$.components.schemas.CaseInput.properties.subject.maxLength"))
			.isEqualTo(255);
		assertThat(JsonPath.<List<String>>read(document, "$.components.schemas.CaseInput.properties.channel.enum"))
			.contains("EMAIL", "PHONE", "WEB", "CHAT", "PORTAL");
		assertThat(JsonPath.<List<String>>read(document, "$.components.schemas.CaseCommentInput.required"))
			.containsExactly("body");
		assertThat(JsonPath.<Object>read(document, "$.components.schemas.CaseCommentInput.properties.public"))
			.isNotNull();
		assertThat(JsonPath.<List<Object>>read(document, "$.components.schemas.CaseResource.properties.slaState.enum"))
			.contains("ON_TRACK", "AT_RISK", "BREACHED", "MET");
		assertThat(JsonPath.<List<String>>read(document, "$.components.schemas.BusinessCalendarInput.required"))
			.containsExactlyInAnyOrder("name", "timeZone", "hours");
		assertThat(JsonPath.<Integer>read(document,
				"$.components.schemas.SlaPolicyInput.properties.warningPercent.maximum")).isEqualTo(100);
		for (String path : List.of("/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/status",
				"/api/v1/cases/{id}/take", "/api/v1/cases/{id}/comments", "/api/v1/queues/{team}",
				"/api/v1/sla-policies", "/api/v1/sla-policies/{id}", "/api/v1/business-calendars",
				"/api/v1/business-calendars/{id}")) {
			java.util.Map<String, java.util.Map<String, Object>> operations = JsonPath.read(document,
					"$.paths['" + path + "']");
			assertThat(operations).as(path).isNotEmpty();
			operations.forEach((method, operation) -> assertThat(operation.get("summary")).as(method + " " + path)
				.isNotNull());
		}
		assertThat(JsonPath.<java.util.Map<String, Object>>read(document,
				"$.paths['/api/v1/cases/{id}'].put.responses")).containsKeys("412", "428");
	}

	@Test
	void aCaseIsOpenedForALeadOrForAnAccountButNeverForBothOrNeither() throws Exception {
		Lead lead = leads.create(data.actor(agent), new LeadDetails("Ada", "Lovelace", null, null,
				TestData.unique("ada").toLowerCase() + "@example.org", null, AccountSource.EMAIL, null, null),
				null, null, null, null);
		String body = open(agentToken, """
				{"leadId": "%s", "subject": "Asking before buying", "priority": "NORMAL", "channel": "EMAIL"}"""
			.formatted(lead.getId()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.leadId").value(lead.getId().toString()))
			.andExpect(jsonPath("$.accountId").value(nullValue()))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		mvc.perform(get("/api/v1/cases/" + id).header("Authorization", agentToken))
			.andExpect(jsonPath("$.leadId").value(lead.getId().toString()));

		open(agentToken, """
				{"subject": "Nobody's", "priority": "NORMAL", "channel": "EMAIL"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
		open(agentToken, """
				{"accountId": "%s", "leadId": "%s", "subject": "Both", "priority": "NORMAL", "channel": "EMAIL"}"""
			.formatted(account.value(), lead.getId()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("leadId"));
		open(agentToken, """
				{"leadId": "%s", "subject": "Unknown lead", "priority": "NORMAL", "channel": "EMAIL"}"""
			.formatted(UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("leadId"));
	}

	@Test
	void aLeadWithCasesIsNotDeletedAndItsCasesFollowItIntoAMerge() throws Exception {
		User admin = data.user(null, Role.ADMIN);
		String adminToken = data.bearer(admin);
		Lead asker = leads.create(data.actor(agent), new LeadDetails("Ada", "Lovelace", null, null,
				TestData.unique("ada").toLowerCase() + "@example.org", null, AccountSource.EMAIL, null, null),
				null, null, null, null);
		Lead twin = leads.create(data.actor(agent), new LeadDetails("Ada", "Lovelace", null, null, null, null,
				AccountSource.WEBSITE, null, null), null, null, null, null);
		String body = open(agentToken, """
				{"leadId": "%s", "subject": "Asking before buying", "priority": "NORMAL", "channel": "EMAIL"}"""
			.formatted(asker.getId()))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String caseId = JsonPath.read(body, "$.id");

		mvc.perform(delete("/api/v1/leads/" + asker.getId()).header("Authorization", adminToken))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 case")));
		// in the page, in the language of the user who tried
		User chineseAdmin = data.userWithEmail(null, java.util.Locale.SIMPLIFIED_CHINESE, Role.ADMIN);
		mvc.perform(post("/leads/" + asker.getId() + "/delete").with(data.as(chineseAdmin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/leads/" + asker.getId()))
			.andExpect(flash().attribute("failureText", org.hamcrest.Matchers.containsString("1 个服务工单")));
		assertThat(leads.get(data.actor(admin), asker.getId())).isNotNull();

		merges.merge(data.actor(admin), twin.getId(), twin.getVersion(), asker.getId(), asker.getVersion(),
				java.util.Map.of());
		mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", agentToken))
			.andExpect(jsonPath("$.leadId").value(twin.getId().toString()));

		// the lead's cases: in the list filtered by it, and on its page
		mvc.perform(get("/api/v1/cases").param("lead", twin.getId().toString()).header("Authorization", agentToken))
			.andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.contains(caseId)));
		mvc.perform(get("/api/v1/cases").param("lead", asker.getId().toString()).header("Authorization", agentToken))
			.andExpect(jsonPath("$.items").isEmpty());
		String number = JsonPath.read(body, "$.number");
		mvc.perform(get("/support/leads/" + twin.getId() + "/cases").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(containsString(number),
					containsString("/cases?lead=" + twin.getId()))));
		mvc.perform(get("/cases").param("lead", twin.getId().toString()).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.allOf(containsString(number),
					containsString("id=\"lead\""))));
	}

	private ResultActions open(String token, String body) throws Exception {
		return mvc.perform(post("/api/v1/cases").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions change(String location, String ifMatch, String priority) throws Exception {
		var request = put(location).header("Authorization", agentToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(minimal(priority));
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return mvc.perform(request);
	}

	private ResultActions move(String location, String status, String resolution) throws Exception {
		return mvc.perform(post(location + "/status").header("Authorization", agentToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(resolution == null ? "{\"status\": \"%s\"}".formatted(status)
					: "{\"status\": \"%s\", \"resolution\": \"%s\"}".formatted(status, resolution)));
	}

	private ResultActions comment(String location, String body) throws Exception {
		return mvc.perform(post(location + "/comments").header("Authorization", agentToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private String minimal(String priority) {
		return """
				{"accountId": "%s", "subject": "The printer jams", "priority": "%s", "channel": "PHONE"}"""
			.formatted(account.value(), priority);
	}

	private String withExtra(String extra) {
		return """
				{"accountId": "%s", "subject": "The printer jams", "priority": "NORMAL", "channel": "PHONE"%s}"""
			.formatted(account.value(), extra);
	}

	private static String location(ResultActions created) throws Exception {
		return created.andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
	}
}
