package org.rapport.sales.catalogue.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class ProductPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	User manager;
	User seller;

	@BeforeEach
	void people() {
		TeamId team = data.team();
		manager = data.user(team, Role.MANAGER);
		seller = data.user(team, Role.SALES);
	}

	@Test
	void aManagerAddsAProductThroughTheFormAndFindsItInTheFilteredList() throws Exception {
		String sku = TestData.unique("PAGE");
		mvc.perform(post("/products").with(data.as(manager)).with(csrf())
			.param("sku", sku).param("name", "Form widget").param("unitPrice", "99.90")
			.param("currency", "USD").param("category", "Gadgets").param("active", "true"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/products/*"));
		mvc.perform(get("/products").param("q", sku).param("category", "Gadgets").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Form widget")))
			.andExpect(content().string(not(containsString("id=\"new-product\""))));
		mvc.perform(get("/products").param("q", sku).param("active", "false").with(data.as(seller)))
			.andExpect(content().string(not(containsString("Form widget"))));
	}

	@Test
	void theFormShowsEachInvalidField() throws Exception {
		mvc.perform(post("/products").with(data.as(manager)).with(csrf())
			.param("sku", "").param("name", "No SKU").param("unitPrice", "1").param("currency", "ABC"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "sku"));
	}

	@Test
	void aSellerGets403ForTheProductForm() throws Exception {
		mvc.perform(get("/products/new").with(data.as(seller))).andExpect(status().isForbidden());
	}

	@Test
	void theMenuOffersTheCatalogue() throws Exception {
		mvc.perform(get("/products").with(data.as(seller)))
			.andExpect(content().string(containsString("href=\"/products\"")));
	}
}
