package org.rapport.sales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
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
import org.rapport.sales.NewOpportunity;
import org.rapport.sales.Opportunities;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadConversion;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Deleting an account that sales records point at: orders and contracts keep it, opportunities move or go with it,
 * converted leads forget it; never a foreign-key failure.
 */
@RapportTest
@Import(CommerceFixtures.class)
class AccountDeleteIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	Customers customers;

	@Autowired
	Opportunities opportunities;

	@Autowired
	LeadService leads;

	@Autowired
	JdbcTemplate jdbc;

	User seller;
	Actor actor;
	String token;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		actor = data.actor(seller);
		token = data.bearer(seller);
	}

	@Test
	void anAccountWithOrdersAndContractsIsKeptAndTheApiSaysWhatKeepsIt() throws Exception {
		AccountId account = fixtures.account(actor, "Buyer");
		order(account);
		contract(account);

		mvc.perform(delete("/api/v1/accounts/" + account).param("contacts", "DETACH").param("related", "DELETE")
			.header("Authorization", token))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("1 order, 1 contract")));

		assertThat(count("account", "id", account)).isEqualTo(1);
	}

	@Test
	void theDeletePageSaysInTheUsersLanguageWhatKeepsTheAccountAndOffersNoDelete() throws Exception {
		AccountId account = fixtures.account(actor, "Buyer");
		order(account);

		mvc.perform(get("/accounts/" + account + "/delete").with(data.as(seller))
			.sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 个订单")))
			.andExpect(content().string(not(containsString("id=\"confirm-delete\""))));
		mvc.perform(post("/accounts/" + account + "/delete").with(data.as(seller)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"delete-refusal\"")))
			.andExpect(content().string(containsString("1 order")));

		assertThat(count("account", "id", account)).isEqualTo(1);
	}

	@Test
	void anAccountWithOpportunitiesAsksWhatBecomesOfThemThenMovesThemToTheChosenAccount() throws Exception {
		AccountId account = fixtures.account(actor, "Pipeline");
		AccountId other = fixtures.account(actor, "Heir");
		opportunity(account);
		opportunity(account);
		Lead lead = leads.create(actor, new LeadDetails("Marge", "Bouvier", TestData.unique("Lead Co"), null, null,
				null, null, null, null), LeadStatus.QUALIFIED, null, null, null);
		leads.convert(actor, lead.getId(), null, new LeadConversion(account.value(), null, null));

		mvc.perform(delete("/api/v1/accounts/" + account).param("contacts", "DETACH").header("Authorization", token))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("2 opportunities")));
		mvc.perform(delete("/api/v1/accounts/" + account).param("contacts", "DETACH").param("related", "MOVE")
			.header("Authorization", token))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("moveTo"));
		mvc.perform(delete("/api/v1/accounts/" + account).param("contacts", "DETACH").param("related", "MOVE")
			.param("moveTo", other.toString())
			.header("Authorization", token))
			.andExpect(status().isNoContent());

		assertThat(count("account", "id", account)).isZero();
		assertThat(count("opportunity", "account_id", other)).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from lead where id = ? and converted_account_id is null",
				Integer.class, lead.getId())).isEqualTo(1);
	}

	@Test
	void theDeletePageDeletesTheOpportunitiesWithTheAccountWhenAsked() throws Exception {
		AccountId account = fixtures.account(actor, "Pipeline");
		OpportunityId opportunity = opportunity(account);

		mvc.perform(get("/accounts/" + account + "/delete").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("It has 1 opportunity.")))
			.andExpect(content().string(containsString("id=\"confirm-delete\"")));
		mvc.perform(post("/accounts/" + account + "/delete").param("contacts", "DETACH").param("related", "DELETE")
			.with(data.as(seller)).with(csrf()))
			.andExpect(redirectedUrl("/accounts"));

		assertThat(count("account", "id", account)).isZero();
		assertThat(count("opportunity", "id", opportunity.value())).isZero();
	}

	private void order(AccountId account) throws Exception {
		Product widget = fixtures.product("10", "EUR");
		mvc.perform(post("/api/v1/orders").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(account, widget.getId(), "2", null)))
			.andExpect(status().isCreated());
	}

	private void contract(AccountId account) throws Exception {
		mvc.perform(post("/api/v1/contracts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(account, LocalDate.now(), LocalDate.now().plusYears(1),
					"")))
			.andExpect(status().isCreated());
	}

	private OpportunityId opportunity(AccountId account) {
		return opportunities.open(actor, new NewOpportunity(account, TestData.unique("Deal"), null,
				Money.of("1000", "EUR"), LocalDate.now().plusMonths(1), null, null));
	}

	private int count(String table, String column, Object id) {
		return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class,
				id instanceof AccountId account ? account.value() : id);
	}
}
