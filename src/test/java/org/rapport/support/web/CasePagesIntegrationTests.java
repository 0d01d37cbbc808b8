package org.rapport.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Locale;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.support.internal.BusinessCalendar;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.CaseStatus;
import org.rapport.support.internal.ServiceLevels;
import org.rapport.support.internal.SlaPolicy;
import org.rapport.support.internal.SupportCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * The case pages as an agent uses them: the list narrowed by its filters and exported, the form that shows a bad
 * field again with its message and the input kept, the case page's status move that asks for a resolution, the
 * queue from which a case is taken, a case of another team that is not found, and the administration of service
 * levels that only administrators reach.
 */
@RapportTest
@Import(TestClock.Setup.class)
class CasePagesIntegrationTests {

	/** A Wednesday, 10:00 in Berlin, well inside the working hours. */
	static final Instant WEDNESDAY_10 = ZonedDateTime.parse("2026-03-04T10:00:00+01:00[Europe/Berlin]").toInstant();

	@Autowired
	MockMvc mvc;

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

	@Autowired
	ContractBook contracts;

	@Autowired
	org.rapport.sales.leads.internal.LeadService leads;

	User admin;
	User agent;
	User colleague;
	Actor agentActor;
	TeamId team;
	AccountId account;

	@BeforeEach
	void setUp() {
		clock.setTo(WEDNESDAY_10);
		// this class decides which policies exist
		jdbc.update("delete from sla_policy");
		admin = data.user(null, Role.ADMIN);
		team = data.team();
		agent = data.user(team, Role.SUPPORT);
		colleague = data.user(team, Role.SUPPORT);
		agentActor = data.actor(agent);
		account = customers.openAccount(agentActor, new NewAccount(TestData.unique("Clinic"), AccountType.COMPANY, null,
				null, null, null, null));
		BusinessCalendar berlin = levels.createCalendar(data.actor(admin), TestData.unique("Berlin"), "Europe/Berlin",
				"MON 09:00-17:00, TUE 09:00-17:00, WED 09:00-17:00, THU 09:00-17:00, FRI 09:00-17:00", "");
		levels.createPolicy(data.actor(admin), new SlaPolicy.Terms(TestData.unique("All"), 1, null, null,
				berlin.getId(), 60, 480, 80, false, false, null, true));
	}

	@AfterEach
	void tearDown() {
		clock.reset();
	}

	@Test
	void theListNarrowsToTheFiltersAndShowsTheSlaStateInWords() throws Exception {
		SupportCase urgent = open(CasePriority.URGENT, "Printer on fire", true);
		SupportCase low = open(CasePriority.LOW, "Question about invoices", true);

		mvc.perform(get("/cases").param("account", account.toString()).with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(urgent.getNumber()), containsString(low.getNumber()),
					containsString("On track"))));
		mvc.perform(get("/cases").param("account", account.toString()).param("priority", "URGENT")
			.with(data.as(agent)))
			.andExpect(content().string(allOf(containsString(urgent.getNumber()), not(containsString(low.getNumber())))));
		mvc.perform(get("/cases").param("account", account.toString()).param("sla", "BREACHED").with(data.as(agent)))
			.andExpect(content().string(not(containsString(urgent.getNumber()))));
		mvc.perform(get("/cases").param("account", account.toString()).param("open", "false").with(data.as(agent)))
			.andExpect(content().string(not(containsString(urgent.getNumber()))));
		mvc.perform(get("/cases").param("account", account.toString()).param("queue", team.toString())
			.param("owner", agent.getId().toString()).param("status", "NEW").param("sort", "due,asc")
			.with(data.as(agent)))
			.andExpect(content().string(containsString(urgent.getNumber())));

		// two working hours later the first response of both is overdue
		clock.setTo(WEDNESDAY_10.plusSeconds(2 * 3600));
		mvc.perform(get("/cases").param("account", account.toString()).param("sla", "BREACHED").with(data.as(agent)))
			.andExpect(content().string(allOf(containsString(urgent.getNumber()), containsString("Breached"))));
	}

	@Test
	void theFormOffersTheRunningContractsOfTheAccountAndTheCasePageLinksTheChosenOne() throws Exception {
		java.time.LocalDate today = contracts.today();
		Contract gold = contracts.create(agentActor, new ContractDetails(account.value(), null, today.minusDays(30),
				today.plusYears(1), new java.math.BigDecimal("1200"), "EUR", false, 30, null, null, "Gold"));
		Contract ended = contracts.create(agentActor, new ContractDetails(account.value(), null,
				today.minusYears(2), today.minusYears(1), new java.math.BigDecimal("1200"), "EUR", false, 30, null));
		AccountId other = customers.openAccount(agentActor, new NewAccount(TestData.unique("Other"),
				AccountType.COMPANY, null, null, null, null, null));
		Contract others = contracts.create(agentActor, new ContractDetails(other.value(), null, today.minusDays(1),
				today.plusYears(1), new java.math.BigDecimal("10"), "EUR", false, 30, null));

		// the form opened for the account lists its running contracts in a plain select
		mvc.perform(get("/cases/new").param("account", account.toString()).with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<label class=\"form-label\" for=\"contractId\""),
					containsString("value=\"" + gold.getId() + "\""), containsString(gold.getNumber() + " · Gold"),
					not(containsString(ended.getNumber())), not(containsString(others.getNumber())))));
		// another account chosen: htmx reloads the options for it
		mvc.perform(get("/cases/contract-options").param("accountId", other.toString()).with(data.as(agent))
			.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(others.getNumber()), not(containsString(gold.getNumber())),
					not(containsString("<html")))));

		String location = mvc.perform(post("/cases").with(data.as(agent)).with(csrf())
			.param("accountId", account.toString()).param("contractId", gold.getId().toString())
			.param("subject", "Under contract").param("priority", "NORMAL").param("channel", "PHONE")
			.param("assignToMe", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(agent)))
			.andExpect(content().string(allOf(containsString("href=\"/contracts/" + gold.getId() + "\""),
					containsString(gold.getNumber()))));
		// a contract of another account is refused on the form, naming the field
		mvc.perform(post("/cases").with(data.as(agent)).with(csrf())
			.param("accountId", account.toString()).param("contractId", others.getId().toString())
			.param("subject", "Wrong contract").param("priority", "NORMAL").param("channel", "PHONE"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "contractId"));
	}

	@Test
	void aLeadsCaseShowsTheLeadAsItsRequesterOnThePageAndInTheListAndExport() throws Exception {
		org.rapport.sales.leads.internal.Lead lead = leads.create(agentActor,
				new org.rapport.sales.leads.internal.LeadDetails("Grace", "Hopper", null, null,
						TestData.unique("grace").toLowerCase() + "@example.org", null,
						org.rapport.customers.AccountSource.EMAIL, null, null),
				null, null, null, null);
		SupportCase opened = cases.create(agentActor, new SupportCase.Details(null, null, null, "Lead asks", null,
				CasePriority.NORMAL, CaseChannel.EMAIL, null, lead.getId()), Map.of(), null, true);

		mvc.perform(get("/cases/" + opened.getId()).with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"/leads/" + lead.getId() + "\""),
					containsString("Grace Hopper"), containsString(lead.getEmail()))));
		mvc.perform(get("/cases").param("owner", agent.getId().toString()).with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(opened.getNumber()),
					containsString("href=\"/leads/" + lead.getId() + "\""))));
		mvc.perform(get("/cases/" + opened.getId() + "/edit").with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Grace Hopper"), not(containsString("id=\"accountId\"")))));
		mvc.perform(get("/cases/queue").with(data.as(agent))).andExpect(status().isOk());
		String csv = mvc.perform(get("/cases/export.csv").param("owner", agent.getId().toString())
			.with(data.as(agent)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("lead_id,lead_name").contains(lead.getId().toString() + ",Grace Hopper");
	}

	@Test
	void theExportHasTheListsRowsWithTheirSlaState() throws Exception {
		SupportCase opened = open(CasePriority.HIGH, "Export me", true);
		String csv = mvc.perform(get("/cases/export.csv").param("account", account.toString()).with(data.as(agent)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("id,number,account,account_name,subject,status,priority")
			.contains(opened.getNumber(), "Export me", "HIGH", "ON_TRACK");
	}

	@Test
	void aBadFieldShowsTheFormAgainWithItsMessageAndTheInputKeptAndNothingSaved() throws Exception {
		int before = count();
		mvc.perform(get("/cases/new").param("account", account.toString()).with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"assignToMe1\"")));
		mvc.perform(post("/cases").with(data.as(agent)).with(csrf()).param("accountId", account.toString())
			.param("subject", " ").param("description", "Kept description").param("priority", "HIGH")
			.param("channel", "PHONE").param("assignToMe", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "subject"))
			.andExpect(content().string(allOf(containsString("Kept description"), containsString("is-invalid"))));
		mvc.perform(post("/cases").with(data.as(agent)).with(csrf()).param("accountId", "not-an-id")
			.param("subject", "Kept subject").param("priority", "URGENTISSIMO").param("channel", "PHONE"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "accountId", "priority"))
			.andExpect(content().string(containsString("Kept subject")));
		mvc.perform(post("/cases").with(data.as(agent)).with(csrf())
			.param("accountId", java.util.UUID.randomUUID().toString()).param("subject", "Nobody's account")
			.param("priority", "LOW").param("channel", "WEB"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "accountId"));
		// no account chosen: the form asks for one
		mvc.perform(post("/cases").with(data.as(agent)).with(csrf()).param("accountId", "")
			.param("subject", "Whose is it").param("priority", "LOW").param("channel", "WEB"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("input", "accountId", "validation.account.required"))
			.andExpect(content().string(allOf(containsString("Choose an account."), containsString("Whose is it"))));
		assertThat(count()).isEqualTo(before);

		String location = mvc.perform(post("/cases").with(data.as(agent)).with(csrf())
			.param("accountId", account.toString()).param("subject", "Cannot log in").param("priority", "HIGH")
			.param("channel", "PHONE").param("category", "Access").param("assignToMe", "true"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(agent)))
			.andExpect(content().string(allOf(containsString("Cannot log in"), containsString("id=\"sla-response\""),
					containsString("id=\"status-form\""))));
		mvc.perform(get(location + "/edit").with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cannot log in")));
	}

	@Test
	void aStaleEditIsToldSoAndChangesNothing() throws Exception {
		SupportCase opened = open(CasePriority.NORMAL, "Original subject", true);
		mvc.perform(post("/cases/" + opened.getId()).with(data.as(agent)).with(csrf())
			.param("accountId", account.toString()).param("subject", "Changed subject").param("priority", "NORMAL")
			.param("channel", "EMAIL").param("version", String.valueOf(opened.getVersion() + 5)))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasErrors("input"))
			.andExpect(content().string(containsString("Someone else changed this record")));
		assertThat(cases.get(agentActor, opened.getId()).getSubject()).isEqualTo("Original subject");
	}

	@Test
	void aCaseOfAnotherTeamIsNotFound() throws Exception {
		SupportCase opened = open(CasePriority.NORMAL, "Private matter", true);
		User stranger = data.user(data.team(), Role.SUPPORT);
		mvc.perform(get("/cases/" + opened.getId()).with(data.as(stranger))).andExpect(status().isNotFound());
		mvc.perform(get("/cases/" + opened.getId() + "/edit").with(data.as(stranger)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/cases").param("account", account.toString()).with(data.as(stranger)))
			.andExpect(content().string(not(containsString(opened.getNumber()))));
	}

	@Test
	void resolvingWithoutAResolutionShowsTheFieldErrorAndAnAnswerMeetsTheFirstResponse() throws Exception {
		SupportCase opened = open(CasePriority.NORMAL, "Slow pages", true);
		mvc.perform(post("/cases/" + opened.getId() + "/status").with(data.as(agent)).with(csrf())
			.param("status", "RESOLVED").param("resolution", " ").param("version", String.valueOf(opened.getVersion())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("move", "resolution"))
			.andExpect(content().string(containsString("Say how the case was resolved")));
		assertThat(cases.get(agentActor, opened.getId()).getStatus()).isEqualTo(CaseStatus.NEW);

		mvc.perform(post("/cases/" + opened.getId() + "/comments").with(data.as(agent)).with(csrf())
			.param("body", "We are on it").param("publicReply", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/cases/" + opened.getId() + "/comments").with(data.as(agent)).with(csrf())
			.param("body", "").param("publicReply", "false"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("comment", "body"));
		SupportCase answered = cases.get(agentActor, opened.getId());
		assertThat(answered.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
		mvc.perform(get("/cases/" + opened.getId()).with(data.as(agent)))
			.andExpect(content().string(allOf(containsString("We are on it"), containsString("data-sla=\"MET\""))));

		mvc.perform(post("/cases/" + opened.getId() + "/status").with(data.as(agent)).with(csrf())
			.param("status", "RESOLVED").param("resolution", "Cache cleared")
			.param("version", String.valueOf(answered.getVersion())))
			.andExpect(redirectedUrl("/cases/" + opened.getId()));
		assertThat(cases.get(agentActor, opened.getId()).getStatus()).isEqualTo(CaseStatus.RESOLVED);
	}

	@Test
	void anAgentTakesACaseFromTheQueue() throws Exception {
		SupportCase waiting = open(CasePriority.HIGH, "Nobody has me", false);
		mvc.perform(get("/cases/queue").with(data.as(colleague)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("take-" + waiting.getNumber())));
		mvc.perform(post("/cases/" + waiting.getId() + "/take").with(data.as(colleague)).with(csrf())
			.param("version", String.valueOf(waiting.getVersion())).param("from", "queue"))
			.andExpect(redirectedUrl("/cases/queue?team=" + team));
		SupportCase taken = cases.get(agentActor, waiting.getId());
		assertThat(taken.isTaken()).isTrue();
		assertThat(taken.getOwnerId()).isEqualTo(colleague.getId());
		mvc.perform(get("/cases/queue").param("team", team.toString()).with(data.as(colleague)))
			.andExpect(content().string(allOf(not(containsString("take-" + waiting.getNumber())),
					containsString("id=\"my-cases\""), containsString(waiting.getNumber()))));
	}

	@Test
	void theAccountPageShowsItsCasesAndTheShareWithinSla() throws Exception {
		SupportCase opened = open(CasePriority.NORMAL, "Panel case", true);
		mvc.perform(get("/support/accounts/" + account + "/cases").with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(opened.getNumber()),
					containsString("/cases?account=" + account), containsString("/cases/new?account=" + account))));
	}

	@Test
	void onlyAdministratorsReachTheServiceLevels() throws Exception {
		mvc.perform(get("/admin/support/policies").with(data.as(agent))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/support/calendars").with(data.as(agent))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/support/calendars").with(data.as(agent)).with(csrf()).param("name", "Sneaky"))
			.andExpect(status().isForbidden());

		mvc.perform(get("/admin/support/policies").with(data.as(admin))).andExpect(status().isOk());
		mvc.perform(get("/admin/support/policies/new").with(data.as(admin))).andExpect(status().isOk());
		mvc.perform(get("/admin/support/calendars/new").with(data.as(admin))).andExpect(status().isOk());
		String name = TestData.unique("Shanghai");
		mvc.perform(post("/admin/support/calendars").with(data.as(admin)).with(csrf()).param("name", name)
			.param("timeZone", "Asia/Shanghai").param("weekHours", "MON 9-17 and more").param("holidays", ""))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "weekHours"))
			.andExpect(content().string(containsString("MON 9-17 and more")));
		mvc.perform(post("/admin/support/calendars").with(data.as(admin)).with(csrf()).param("name", name)
			.param("timeZone", "Asia/Shanghai").param("weekHours", "MON 09:00-18:00").param("holidays", "2026-10-01"))
			.andExpect(redirectedUrl("/admin/support/calendars"));
		BusinessCalendar created = levels.calendars().stream().filter(c -> c.getName().equals(name)).findFirst()
			.orElseThrow();
		mvc.perform(post("/admin/support/policies").with(data.as(admin)).with(csrf()).param("name", name)
			.param("position", "5").param("calendarId", created.getId().toString()).param("firstResponseMinutes", "90")
			.param("resolutionMinutes", "30").param("warningPercent", "75").param("active", "true"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "resolutionMinutes"));
		mvc.perform(post("/admin/support/policies").with(data.as(admin)).with(csrf()).param("name", name)
			.param("position", "5").param("matchPriority", "URGENT").param("calendarId", created.getId().toString())
			.param("firstResponseMinutes", "30").param("resolutionMinutes", "240").param("warningPercent", "75")
			.param("active", "true"))
			.andExpect(redirectedUrl("/admin/support/policies"));
		mvc.perform(get("/admin/support/policies").with(data.as(admin)))
			.andExpect(content().string(allOf(containsString(name), containsString("Urgent"))));
		// a calendar that a policy uses stays
		mvc.perform(post("/admin/support/calendars/" + created.getId() + "/delete").with(data.as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/admin/support/calendars"));
		assertThat(levels.calendars()).anyMatch(c -> c.getId().equals(created.getId()));
	}

	@Test
	void theCasePageListsItsEscalationsInTheUsersLanguageWithTheLevelReached() throws Exception {
		SupportCase opened = open(CasePriority.HIGH, "Escalating printer", true);
		mvc.perform(get("/cases/" + opened.getId()).with(data.as(agent)))
			.andExpect(content().string(allOf(containsString("Not escalated."),
					not(containsString("id=\"case-escalation-level\"")))));

		// as the escalation sweep writes them: a warning at level 1, the breach at level 2
		escalation(opened, 1, "RESPONSE_WARNING", WEDNESDAY_10.plusSeconds(48 * 60));
		escalation(opened, 2, "RESPONSE_BREACH", WEDNESDAY_10.plusSeconds(60 * 60));
		jdbc.update("update support_case set escalation_level = 2 where id = ?", opened.getId());

		mvc.perform(get("/cases/" + opened.getId()).with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Escalated to level 1: first response at risk"),
					containsString("Escalated to level 2: first response breached"),
					containsString("id=\"case-escalation-level\""), containsString("Level 2"))));
		mvc.perform(get("/cases/" + opened.getId()).with(data.as(agent))
			.sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE))
			.andExpect(content().string(allOf(containsString("升级到第 2 级：首次响应已超时"),
					containsString("第 2 级"))));
	}

	@Test
	void theCasePageMovesACaseToAnotherQueueWhereItWaitsUntaken() throws Exception {
		SupportCase opened = open(CasePriority.NORMAL, "Belongs to billing", true);
		TeamId billing = data.team();

		mvc.perform(post("/cases/" + opened.getId() + "/queue").with(data.as(agent)).with(csrf())
			.param("teamId", java.util.UUID.randomUUID().toString())
			.param("version", String.valueOf(opened.getVersion())))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("queueMove", "teamId"))
			.andExpect(content().string(containsString("There is no such team.")));
		mvc.perform(post("/cases/" + opened.getId() + "/queue").with(data.as(agent)).with(csrf())
			.param("teamId", billing.toString()).param("version", String.valueOf(opened.getVersion() + 3)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this record")));
		assertThat(cases.get(agentActor, opened.getId()).getTeamId()).isEqualTo(team.value());

		// the agent stays its owner until somebody of billing takes it, so the agent still sees it
		mvc.perform(post("/cases/" + opened.getId() + "/queue").with(data.as(agent)).with(csrf())
			.param("teamId", billing.toString()).param("version", String.valueOf(opened.getVersion())))
			.andExpect(redirectedUrl("/cases/" + opened.getId()));
		mvc.perform(get("/cases/" + opened.getId()).with(data.as(agent)))
			.andExpect(content().string(containsString("In the queue")));
		Map<String, Object> moved = jdbc.queryForMap("select team_id, taken, owner_id from support_case where id = ?",
				opened.getId());
		assertThat(moved.get("team_id")).isEqualTo(billing.value());
		assertThat(moved.get("taken")).isEqualTo(false);
		assertThat(moved.get("owner_id")).isEqualTo(agent.getId());
	}

	private void escalation(SupportCase caze, int level, String detail, Instant at) {
		jdbc.update("insert into case_event (id, case_id, kind, level, detail, at) values (?, ?, 'ESCALATED', ?, ?, ?)",
				java.util.UUID.randomUUID(), caze.getId(), level, detail, java.sql.Timestamp.from(at));
	}

	private SupportCase open(CasePriority priority, String subject, boolean take) {
		return cases.create(agentActor, new SupportCase.Details(account.value(), null, null, subject, null, priority,
				CaseChannel.EMAIL, null), Map.of(), team.value(), take);
	}

	private int count() {
		return jdbc.queryForObject("select count(*) from support_case", Integer.class);
	}
}
