package org.rapport.sales.contracts.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
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
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
@Import(CommerceFixtures.class)
class ContractPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	User seller;
	AccountId account;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		account = fixtures.account(data.actor(seller), "Contract page");
	}

	@Test
	void aWonOpportunityOpensTheFormWithItsAccountAndTheSavedContractRenewsFromItsPage() throws Exception {
		UUID opportunity = fixtures.opportunity(data.actor(seller), account);
		mvc.perform(get("/contracts/new").param("account", account.toString())
			.param("opportunity", opportunity.toString()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(opportunity.toString())));
		LocalDate today = LocalDate.now();
		String location = mvc.perform(post("/contracts").with(data.as(seller)).with(csrf())
			.param("accountId", account.toString()).param("opportunityId", opportunity.toString())
			.param("startDate", today.minusDays(1).toString()).param("endDate", today.plusDays(20).toString())
			.param("value", "500").param("currency", "EUR").param("renewalNoticeDays", "10"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(containsString("id=\"renew\"")));
		mvc.perform(get("/contracts").param("endingWithin", "30").param("account", account.toString())
			.with(data.as(seller)))
			.andExpect(content().string(containsString("CTR-")));
		mvc.perform(post(location + "/renew").param("version", "0").with(data.as(seller)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(containsString("id=\"renewed-to\"")));
	}

	@Test
	void theFormNamesAnEndBeforeTheStart() throws Exception {
		mvc.perform(post("/contracts").with(data.as(seller)).with(csrf())
			.param("accountId", account.toString()).param("startDate", "2026-05-01").param("endDate", "2026-04-01")
			.param("value", "1").param("currency", "EUR"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "endDate"));
	}
}
