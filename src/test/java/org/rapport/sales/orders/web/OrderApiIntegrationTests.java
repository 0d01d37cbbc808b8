package org.rapport.sales.orders.web;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
@Import(CommerceFixtures.class)
class OrderApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	User eastSeller;
	String eastToken;
	String westToken;
	AccountId eastAccount;
	Product widget;

	@BeforeEach
	void setUp() {
		TeamId east = data.team();
		eastSeller = data.user(east, Role.SALES);
		eastToken = data.bearer(eastSeller);
		westToken = data.bearer(data.user(data.team(), Role.SALES));
		eastAccount = fixtures.account(data.actor(eastSeller), "Buyer");
		widget = fixtures.product("12.50", "EUR");
	}

	@Test
	void aDraftOrderGetsANumberAndTheProductsPriceAndTotals() throws Exception {
		mvc.perform(post("/api/v1/orders").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, widget.getId(), "4", null)))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.number").value(matchesPattern("ORD-\\d{6}")))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.lines[0].unitPrice").value(12.5))
			.andExpect(jsonPath("$.total").value(50.0));
	}

	@Test
	void confirmingThenFulfillingMovesTheStatusAndAnIllegalMoveAnswers409() throws Exception {
		String location = create(eastToken, "2", "3");
		mvc.perform(post(location + "/fulfil").header("Authorization", eastToken)).andExpect(status().isConflict());
		mvc.perform(post(location + "/confirm").header("Authorization", eastToken).header("If-Match", "\"0\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONFIRMED"));
		mvc.perform(put(location).header("Authorization", eastToken)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, widget.getId(), "9", "1")))
			.andExpect(status().isConflict());
		mvc.perform(post(location + "/fulfil").header("Authorization", eastToken))
			.andExpect(jsonPath("$.status").value("FULFILLED"));
		mvc.perform(get("/api/v1/orders").param("account", eastAccount.toString()).param("status", "FULFILLED")
			.param("from", "2026-03-01").param("to", "2026-03-01").header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(1)));
	}

	@Test
	void invalidOrdersAnswer422NamingTheField() throws Exception {
		mvc.perform(post("/api/v1/orders").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, java.util.UUID.randomUUID(), "1", null)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].productId"));
		mvc.perform(post("/api/v1/orders").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, widget.getId(), "-1", null)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
		mvc.perform(post("/api/v1/orders").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lines\": []}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("orderDate"));
		Product dollars = fixtures.product("3", "USD");
		mvc.perform(post("/api/v1/orders").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId": "%s", "orderDate": "2026-03-01", "currency": "EUR", "lines": [{"productId": "%s", "quantity": 1}]}
					""".formatted(eastAccount, dollars.getId())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].unitPrice"));
	}

	@Test
	void anOrderWithoutLinesIsNotConfirmedAndALineAmountPastTheLimitIsRefusedAnswering422() throws Exception {
		String location = mvc.perform(post("/api/v1/orders").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"accountId": "%s", "orderDate": "2026-03-01", "currency": "EUR", "lines": []}
					""".formatted(eastAccount)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(post(location + "/confirm").header("Authorization", eastToken).header("If-Match", "\"0\""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines"));
		mvc.perform(post("/api/v1/orders").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, widget.getId(), "999999999", "9999999")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
	}

	@Test
	void anAccountTheCallerCannotSeeIsAnInvalidField() throws Exception {
		mvc.perform(post("/api/v1/orders").header("Authorization", westToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, widget.getId(), "1", null)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
	}

	@Test
	void aStaleIfMatchAnswers412() throws Exception {
		String location = create(eastToken, "1", "1");
		mvc.perform(put(location).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, widget.getId(), "2", "1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2.0));
		mvc.perform(put(location).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, widget.getId(), "3", "1")))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(post(location + "/confirm").header("Authorization", eastToken).header("If-Match", "\"0\""))
			.andExpect(status().isPreconditionFailed());
	}

	@Test
	void anotherTeamsOrderAnswers404() throws Exception {
		String location = create(eastToken, "1", "1");
		mvc.perform(get(location).header("Authorization", westToken)).andExpect(status().isNotFound());
		mvc.perform(post(location + "/confirm").header("Authorization", westToken)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/orders").param("account", eastAccount.toString()).header("Authorization", westToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	private String create(String token, String quantity, String price) throws Exception {
		return mvc.perform(post("/api/v1/orders").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(eastAccount, widget.getId(), quantity, price)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
	}
}
