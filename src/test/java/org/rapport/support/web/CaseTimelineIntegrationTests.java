package org.rapport.support.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.support.internal.CaseBook;
import org.rapport.support.internal.CaseChannel;
import org.rapport.support.internal.CasePriority;
import org.rapport.support.internal.CaseStatus;
import org.rapport.support.internal.SupportCase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The account's timeline shows its cases' events: the opening and each status move, linked to the case and named by
 * its number, on the page and in the API.
 */
@RapportTest
class CaseTimelineIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CaseBook cases;

	@Autowired
	Customers customers;

	@Autowired
	org.rapport.sales.leads.internal.LeadService leads;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void theAccountsTimelineShowsItsCasesOpeningAndStatusMoves() throws Exception {
		User agent = data.user(data.team(), Role.SUPPORT);
		Actor acting = data.actor(agent);
		AccountId account = customers.openAccount(acting, new NewAccount(TestData.unique("Clinic"),
				AccountType.COMPANY, null, null, null, null, null));
		SupportCase opened = cases.create(acting, new SupportCase.Details(account.value(), null, null, "No sound",
				null, CasePriority.NORMAL, CaseChannel.PHONE, null), Map.of(), null, true);
		cases.move(acting, opened.getId(), opened.getVersion(), CaseStatus.RESOLVED, "Unmuted the speaker");

		String token = data.bearer(agent);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> mvc.perform(get("/api/v1/timeline").param("about", "account:" + account.value())
				.header(HttpHeaders.AUTHORIZATION, token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[*].change.kind", hasItems("CASE_OPENED", "CASE_STATUS"))));
		mvc.perform(get("/timeline").param("about", "account:" + account.value()).with(data.as(agent)))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("Case " + opened.getNumber() + " opened")))
			.andExpect(content().string(Matchers.containsString("Case " + opened.getNumber() + ": New \u2192 Resolved")))
			.andExpect(content().string(Matchers.containsString("/cases/" + opened.getId())));
	}

	@Test
	void aLeadsCaseWithoutAnAccountShowsItsOpeningOnItsOwnTimeline() throws Exception {
		User agent = data.user(data.team(), Role.SUPPORT);
		Actor acting = data.actor(agent);
		var lead = leads.create(acting, new org.rapport.sales.leads.internal.LeadDetails("Ada", "Lovelace", null, null,
				TestData.unique("ada").toLowerCase() + "@example.org", null, org.rapport.customers.AccountSource.EMAIL,
				null, null), null, null, null, null);
		SupportCase opened = cases.create(acting, new SupportCase.Details(null, null, null, "Before buying", null,
				CasePriority.NORMAL, CaseChannel.EMAIL, null, lead.getId()), Map.of(), null, true);

		// recorded about the case, on no account's timeline, rather than failing for want of an account
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(jdbc.queryForList("select account_id "
					+ "from timeline_change where about_type = 'case' and about_id = ? and kind = 'CASE_OPENED'",
					opened.getId())).singleElement().satisfies(row -> org.assertj.core.api.Assertions
						.assertThat(row.get("account_id")).isNull()));
	}
}
