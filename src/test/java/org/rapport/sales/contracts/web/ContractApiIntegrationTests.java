package org.rapport.sales.contracts.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
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

@RapportTest
@Import(CommerceFixtures.class)
class ContractApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	String eastToken;
	String westToken;
	User seller;
	User west;
	AccountId account;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		west = data.user(data.team(), Role.SALES);
		eastToken = data.bearer(seller);
		westToken = data.bearer(west);
		account = fixtures.account(data.actor(seller), "Signed");
	}

	@Test
	void endingWithinMoreDaysThanTheCalendarHoldsListsTheRunningContracts() throws Exception {
		LocalDate today = LocalDate.now();
		mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today.minusDays(10), today.plusDays(100), "")))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/contracts").param("account", account.value().toString())
			.param("endingWithin", String.valueOf(Integer.MAX_VALUE)).header("Authorization", eastToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)));
	}

	@Test
	void aContractRunningTodayIsActiveAndAFutureOneADraft() throws Exception {
		LocalDate today = LocalDate.now();
		mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today.minusDays(10), today.plusDays(100), "")))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.number").value(matchesPattern("CTR-\\d{6}")))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today.plusDays(10), today.plusDays(100), "")))
			.andExpect(jsonPath("$.status").value("DRAFT"));
	}

	@Test
	void aContractKeepsItsServiceLevelTrimmedAndRefusesOneOverFiftyCharacters() throws Exception {
		LocalDate today = LocalDate.now();
		String created = mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today, today.plusYears(1),
					", \"serviceLevel\": \"  Gold  \"")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.serviceLevel").value("Gold"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(created, "$.id");
		mvc.perform(get("/api/v1/contracts/" + id).header("Authorization", eastToken))
			.andExpect(jsonPath("$.serviceLevel").value("Gold"));
		mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today, today.plusYears(1),
					", \"serviceLevel\": \"" + "x".repeat(51) + "\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("serviceLevel"));
	}

	@Test
	void aContractOfferedFromAWonOpportunityKeepsItsId() throws Exception {
		UUID opportunity = fixtures.opportunity(data.actor(seller), account);
		LocalDate today = LocalDate.now();
		mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today, today.plusYears(1),
					", \"opportunityId\": \"" + opportunity + "\"")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.opportunityId").value(opportunity.toString()));
	}

	@Test
	void anOpportunityThatDoesNotExistIsHiddenOrOfAnotherAccountIsAFieldError() throws Exception {
		LocalDate today = LocalDate.now();
		AccountId westAccount = fixtures.account(data.actor(west), "Elsewhere");
		AccountId otherAccount = fixtures.account(data.actor(seller), "Other");
		for (UUID opportunity : new UUID[] { UUID.randomUUID(), fixtures.opportunity(data.actor(west), westAccount),
				fixtures.opportunity(data.actor(seller), otherAccount) }) {
			mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content(CommerceFixtures.contractJson(account, today, today.plusYears(1),
						", \"opportunityId\": \"" + opportunity + "\"")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("opportunityId"));
		}
	}

	@Test
	void renewingLinksTheNextPeriodAndTheOldOneRunsToItsEnd() throws Exception {
		LocalDate today = LocalDate.now();
		String location = create(today.minusDays(30), today.plusDays(334));
		String next = mvc.perform(post(location + "/renew").header("Authorization", eastToken).header("If-Match", "\"0\""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.startDate").value(today.plusDays(335).toString()))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.value").value(1200.0))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(get(location).header("Authorization", eastToken))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.renewedToId").value(next.substring(next.lastIndexOf('/') + 1)));
		mvc.perform(post(location + "/renew").header("Authorization", eastToken)).andExpect(status().isConflict());
	}

	@Test
	void theListKeepsContractsEndingWithinTheNextDays() throws Exception {
		LocalDate today = LocalDate.now();
		create(today.minusDays(300), today.plusDays(20));
		create(today.minusDays(300), today.plusDays(200));
		mvc.perform(get("/api/v1/contracts").param("account", account.toString()).param("endingWithin", "30")
			.header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].endDate").value(today.plusDays(20).toString()));
		mvc.perform(get("/api/v1/contracts").param("account", account.toString()).header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(2)));
	}

	@Test
	void invalidContractsAnswer422NamingTheFields() throws Exception {
		LocalDate today = LocalDate.now();
		mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today, today.minusDays(1), "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("endDate"));
		mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + account + "\", \"value\": -5, \"currency\": \"EURO\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("startDate")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("value")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("currency")));
		mvc.perform(post("/api/v1/contracts").header("Authorization", westToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today, today.plusDays(1), "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
	}

	@Test
	void aStaleIfMatchAnswers412AndAnotherTeamGets404() throws Exception {
		LocalDate today = LocalDate.now();
		String location = create(today, today.plusDays(90));
		mvc.perform(put(location).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today, today.plusDays(120), "")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endDate").value(today.plusDays(120).toString()));
		mvc.perform(put(location).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, today, today.plusDays(150), "")))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(get(location).header("Authorization", westToken)).andExpect(status().isNotFound());
		mvc.perform(post(location + "/terminate").header("Authorization", westToken)).andExpect(status().isNotFound());
	}

	private String create(LocalDate start, LocalDate end) throws Exception {
		return mvc.perform(post("/api/v1/contracts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, start, end, "")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
	}
}
