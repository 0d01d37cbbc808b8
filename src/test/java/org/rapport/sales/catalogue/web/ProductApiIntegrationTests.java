package org.rapport.sales.catalogue.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
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
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class ProductApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	String managerToken;
	String sellerToken;

	@BeforeEach
	void people() {
		TeamId team = data.team();
		managerToken = data.bearer(data.user(team, Role.MANAGER, Role.SALES));
		sellerToken = data.bearer(data.user(team, Role.SALES));
	}

	static String productJson(String sku, String name, String price, String currency) {
		return """
				{"sku": "%s", "name": "%s", "unitPrice": %s, "currency": "%s", "category": "Hardware", "active": true}
				""".formatted(sku, name, price, currency);
	}

	@Test
	void aManagerAddsAProductThatEverybodySees() throws Exception {
		String sku = TestData.unique("SKU");
		String location = mvc.perform(post("/api/v1/products").header("Authorization", managerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(productJson(sku, "Widget", "12.5", "eur")))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.sku").value(sku))
			.andExpect(jsonPath("$.unitPrice").value(12.5))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andReturn().getResponse().getHeader("Location");

		mvc.perform(get(location).header("Authorization", sellerToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Widget"));
		mvc.perform(get("/api/v1/products").param("q", sku).param("active", "true").header("Authorization", sellerToken))
			.andExpect(jsonPath("$.items", hasSize(1)));
	}

	@Test
	void aSellerMayReadButNotChangeTheCatalogue() throws Exception {
		mvc.perform(post("/api/v1/products").header("Authorization", sellerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(productJson(TestData.unique("SKU"), "Forbidden", "1", "EUR")))
			.andExpect(status().isForbidden());
		String location = create(TestData.unique("SKU"), "Guarded");
		mvc.perform(put(location).header("Authorization", sellerToken)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(productJson(TestData.unique("SKU"), "Changed", "1", "EUR")))
			.andExpect(status().isForbidden());
		mvc.perform(delete(location).header("Authorization", sellerToken)).andExpect(status().isForbidden());
	}

	@Test
	void aDuplicateSkuOrAnUnknownCurrencyAnswers422NamingTheField() throws Exception {
		String sku = TestData.unique("SKU");
		create(sku, "First");
		mvc.perform(post("/api/v1/products").header("Authorization", managerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(productJson(sku.toLowerCase(), "Second", "1", "EUR")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("sku"));
		mvc.perform(post("/api/v1/products").header("Authorization", managerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(productJson(TestData.unique("SKU"), "Bad money", "1", "XYZ")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("currency"));
		mvc.perform(post("/api/v1/products").header("Authorization", managerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sku\": \" \", \"name\": \"\", \"unitPrice\": -1, \"currency\": \"EUR\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("sku")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("unitPrice")));
	}

	@Test
	void aStaleIfMatchAnswers412() throws Exception {
		String sku = TestData.unique("SKU");
		String location = create(sku, "Versioned");
		mvc.perform(put(location).header("Authorization", managerToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(productJson(sku, "Versioned again", "2", "EUR")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""));
		mvc.perform(put(location).header("Authorization", managerToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(productJson(sku, "Lost update", "3", "EUR")))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(get(location).header("Authorization", managerToken))
			.andExpect(jsonPath("$.name").value("Versioned again"));
	}

	@Test
	void deletingAProductNothingNamesRemovesIt() throws Exception {
		String location = create(TestData.unique("SKU"), "Short lived");
		mvc.perform(delete(location).header("Authorization", managerToken)).andExpect(status().isNoContent());
		mvc.perform(get(location).header("Authorization", managerToken)).andExpect(status().isNotFound());
	}

	private String create(String sku, String name) throws Exception {
		return mvc.perform(post("/api/v1/products").header("Authorization", managerToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(productJson(sku, name, "10", "EUR")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
	}
}
