package org.rapport.sales.orders.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
@Import(CommerceFixtures.class)
class OrderPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	User seller;
	AccountId account;
	Product widget;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		account = fixtures.account(data.actor(seller), "Form buyer");
		widget = fixtures.product("7.25", "EUR");
	}

	@Test
	void aSellerPutsAnOrderTogetherInTheFormConfirmsItAndFindsItInTheList() throws Exception {
		mvc.perform(get("/orders/new").param("account", account.toString()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(widget.getName())));
		String location = mvc.perform(post("/orders").with(data.as(seller)).with(csrf())
			.param("accountId", account.toString()).param("orderDate", "2026-05-04")
			.param("lines[0].productId", widget.getId().toString()).param("lines[0].quantity", "2")
			.param("lines[1].productId", "").param("lines[1].quantity", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(containsString("€14.50")))
			.andExpect(content().string(containsString("id=\"order-confirm\"")));
		mvc.perform(post(location + "/confirm").param("version", "0").with(data.as(seller)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/orders").param("account", account.toString()).param("status", "CONFIRMED")
			.with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ORD-")));
	}

	@Test
	void confirmingAnOrderWithoutLinesIsRefusedWithAMessageOnItsPage() throws Exception {
		String location = mvc.perform(post("/orders").with(data.as(seller)).with(csrf())
			.param("accountId", account.toString()).param("orderDate", "2026-05-04").param("currency", "EUR")
			.param("lines[0].productId", "").param("lines[0].quantity", ""))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post(location + "/confirm").param("version", "0").with(data.as(seller)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(location))
			.andExpect(flash().attribute("failure", "validation.order.lines.required"));
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(containsString("id=\"order-confirm\"")));
	}

	@Test
	void theFormNamesALineWhoseProductIsGone() throws Exception {
		mvc.perform(post("/orders").with(data.as(seller)).with(csrf()).param("accountId", account.toString())
			.param("orderDate", "2026-05-04").param("lines[0].productId", java.util.UUID.randomUUID().toString())
			.param("lines[0].quantity", "1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "lines[0].productId"));
	}

	@Test
	void theFormNamesAMissingAccount() throws Exception {
		mvc.perform(post("/orders").with(data.as(seller)).with(csrf()).param("orderDate", "2026-05-04")
			.param("lines[0].productId", widget.getId().toString()).param("lines[0].quantity", "1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "accountId"));
	}
}
