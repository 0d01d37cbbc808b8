package org.rapport.sales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Custom fields of leads, opportunities, products, orders and contracts: entered in the form and shown on the
 * detail page, kept through the API, and filtering the list. Other tests share the database, so every field here
 * has a key of its own and is retired afterwards.
 */
@RapportTest
@Import(CommerceFixtures.class)
class SalesCustomFieldIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	CustomFieldService fields;

	User seller;
	User admin;
	AccountId account;
	Product product;
	String suffix;
	/** The text field defined on each kind of record, by entity. */
	Map<String, String> keys = new LinkedHashMap<>();
	List<UUID> defined = new ArrayList<>();

	@BeforeEach
	void fields() {
		seller = data.user(data.team(), Role.SALES);
		admin = data.user(null, Role.ADMIN);
		account = fixtures.account(data.actor(seller), "Custom sales");
		product = fixtures.product("5", "EUR");
		suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		for (String entity : List.of("lead", "opportunity", "product", "order", "contract")) {
			String key = "ref" + suffix;
			keys.put(entity, key);
			defined.add(fields.define(entity, key, FieldType.TEXT,
					new FieldText("Reference", "参考号", null, null, false, null, List.of(), null)).getId());
		}
	}

	@AfterEach
	void retire() {
		defined.forEach(fields::retire);
	}

	@Test
	void leadsTakeCustomFieldsInTheFormTheApiAndTheListFilter() throws Exception {
		String value = value("lead");
		String location = created(post("/leads").with(data.as(seller))
			.param("lastName", TestData.unique("Custom"))
			.param("status", "NEW")
			.param("proceed", "true"), "lead", value);
		shows(location, value);
		String other = apiRoundTrip("/api/v1/leads", seller,
				"{\"lastName\":\"" + TestData.unique("Api") + "\"", "lead");
		filters("/leads", "lead", value, location, other);
	}

	@Test
	void opportunitiesTakeCustomFieldsInTheFormTheApiAndTheListFilter() throws Exception {
		String value = value("opportunity");
		String location = created(post("/opportunities").with(data.as(seller))
			.param("accountId", account.toString())
			.param("name", TestData.unique("Custom deal"))
			.param("amount", "1000")
			.param("currency", "EUR")
			.param("closeDate", LocalDate.now().plusMonths(1).toString()), "opportunity", value);
		shows(location, value);
		String other = apiRoundTrip("/api/v1/opportunities", seller, "{\"accountId\":\"" + account
				+ "\",\"name\":\"" + TestData.unique("Api deal") + "\",\"amount\":10,\"currency\":\"EUR\",\"closeDate\":\""
				+ LocalDate.now().plusMonths(2) + "\"", "opportunity");
		filters("/opportunities", "opportunity", value, location, other);
	}

	@Test
	void productsTakeCustomFieldsInTheFormTheApiAndTheListFilter() throws Exception {
		String value = value("product");
		String location = created(post("/products").with(data.as(admin))
			.param("sku", TestData.unique("CF"))
			.param("name", TestData.unique("Custom product"))
			.param("unitPrice", "12")
			.param("currency", "EUR")
			.param("active", "true"), "product", value);
		shows(location, value);
		String other = apiRoundTrip("/api/v1/products", admin, "{\"sku\":\"" + TestData.unique("CFA")
				+ "\",\"name\":\"" + TestData.unique("Api product") + "\",\"unitPrice\":3,\"currency\":\"EUR\"",
				"product");
		filters("/products", "product", value, location, other);
	}

	@Test
	void ordersTakeCustomFieldsInTheFormTheApiAndTheListFilter() throws Exception {
		String value = value("order");
		String location = created(post("/orders").with(data.as(seller))
			.param("accountId", account.toString())
			.param("orderDate", LocalDate.now().toString())
			.param("lines[0].productId", product.getId().toString())
			.param("lines[0].quantity", "2"), "order", value);
		shows(location, value);
		String other = apiRoundTrip("/api/v1/orders", seller, "{\"accountId\":\"" + account + "\",\"orderDate\":\""
				+ LocalDate.now() + "\",\"lines\":[{\"productId\":\"" + product.getId() + "\",\"quantity\":1}]",
				"order");
		filters("/orders", "order", value, location, other);
	}

	@Test
	void contractsTakeCustomFieldsInTheFormTheApiAndTheListFilterAndARenewalKeepsThem() throws Exception {
		String value = value("contract");
		LocalDate today = LocalDate.now();
		String location = created(post("/contracts").with(data.as(seller))
			.param("accountId", account.toString())
			.param("startDate", today.minusDays(1).toString())
			.param("endDate", today.plusDays(60).toString())
			.param("value", "900")
			.param("currency", "EUR"), "contract", value);
		shows(location, value);
		String other = apiRoundTrip("/api/v1/contracts", seller, "{\"accountId\":\"" + account + "\",\"startDate\":\""
				+ today.minusDays(1) + "\",\"endDate\":\"" + today.plusDays(90) + "\",\"value\":10,\"currency\":\"EUR\"",
				"contract");
		filters("/contracts", "contract", value, location, other);
		String key = keys.get("contract");
		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(post("/api/v1/contracts/" + id + "/renew").header("Authorization", data.bearer(seller))
			.header("If-Match", "\"0\""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.customFields." + key).value(value));
	}

	@Test
	void aValueThatDoesNotFitIsShownAtItsFieldAndNothingIsSaved() throws Exception {
		String key = "seats" + suffix;
		defined.add(fields.define("opportunity", key, FieldType.NUMBER,
				new FieldText("Seats", "席位", null, null, false, null, List.of(), null)).getId());
		String name = TestData.unique("Refused deal");
		mvc.perform(post("/opportunities").with(csrf()).with(data.as(seller))
			.param("accountId", account.toString())
			.param("name", name)
			.param("amount", "1000")
			.param("currency", "EUR")
			.param("closeDate", LocalDate.now().plusMonths(1).toString())
			.param("_cf." + key, "").param("cf." + key, "many"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give a whole number.")))
			.andExpect(content().string(containsString("value=\"many\"")));
		mvc.perform(get("/api/v1/opportunities").param("q", name).header("Authorization", data.bearer(seller)))
			.andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(post("/api/v1/opportunities").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\":\"" + account + "\",\"name\":\"" + name + "\",\"amount\":1,\"currency\":\"EUR\","
					+ "\"closeDate\":\"" + LocalDate.now().plusMonths(1) + "\",\"customFields\":{\"" + key
					+ "\":\"12.5\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("customFields." + key));
	}

	/** A value of the entity's field, unique to this test, as the list's text filter reads it. */
	private String value(String entity) {
		return "Ref-" + entity + "-" + suffix;
	}

	/** Submits a form with a value of the entity's field and answers where the new record lives. */
	private String created(MockHttpServletRequestBuilder form, String entity, String value) throws Exception {
		String key = keys.get(entity);
		return mvc.perform(form.with(csrf()).param("_cf." + key, "").param("cf." + key, value))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private void shows(String location, String value) throws Exception {
		mvc.perform(get(location).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reference")))
			.andExpect(content().string(containsString(value)));
	}

	/**
	 * Creates a record through the API with a value, reads it back, changes the value and then leaves it out of a
	 * change, which keeps it. Answers the record's id.
	 */
	private String apiRoundTrip(String path, User user, String jsonStart, String entity) throws Exception {
		String key = keys.get(entity);
		String first = "Api-" + entity + "-" + suffix;
		MvcResult created = mvc.perform(post(path).header("Authorization", data.bearer(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(jsonStart + ",\"customFields\":{\"" + key + "\":\"" + first + "\"}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.customFields." + key).value(first))
			.andReturn();
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		MvcResult read = mvc.perform(get(path + "/" + id).header("Authorization", data.bearer(user)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customFields." + key).value(first))
			.andReturn();
		String second = "Changed-" + entity + "-" + suffix;
		MvcResult changed = mvc.perform(put(path + "/" + id).header("Authorization", data.bearer(user))
			.header("If-Match", read.getResponse().getHeader("ETag"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(jsonStart + ",\"customFields\":{\"" + key + "\":\"" + second + "\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customFields." + key).value(second))
			.andReturn();
		mvc.perform(put(path + "/" + id).header("Authorization", data.bearer(user))
			.header("If-Match", changed.getResponse().getHeader("ETag"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(jsonStart + "}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customFields." + key).value(second));
		return id;
	}

	/** The list filtered by the form's value shows that record and not the other one, with the field as a column. */
	private void filters(String list, String entity, String value, String location, String other) throws Exception {
		String key = keys.get(entity);
		String page = mvc.perform(get(list).param("cf." + key, value.toLowerCase(Locale.ROOT))
			.param("cols", "cf." + key)
			.with(data.as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(page).contains(list + "/" + id).doesNotContain(list + "/" + other)
			.contains(">Reference<", ">" + value + "<");
		String unfiltered = mvc.perform(get(list).param("cf." + key, "Changed-" + entity).with(data.as(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unfiltered).contains(list + "/" + other).doesNotContain(list + "/" + id);
		// the API's list filters the same way
		String api = mvc.perform(get("/api/v1" + list).param("cf." + key, value.toLowerCase(Locale.ROOT))
			.header("Authorization", data.bearer(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(api).contains(id).doesNotContain(other);
	}
}
