package org.rapport.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Input that cannot be read, is of the wrong type or out of range answers a message that names the field, in the
 * user's language, and keeps what the user typed — never a server error or a raw Java message.
 */
@RapportTest
class BadInputIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	User seller;
	String token;

	@BeforeEach
	void people() {
		TeamId team = data.team();
		seller = data.user(team, Role.SALES);
		token = data.bearer(seller);
	}

	@Test
	void anUnknownEnumValueInTheApiNamesTheFieldAndTheAcceptedValues() throws Exception {
		mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Enum Corp\", \"industry\": \"Manufacturing\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("industry"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("MANUFACTURING")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("TECHNOLOGY")));
	}

	@Test
	void aValueOfTheWrongJsonTypeNamesTheFieldWithoutARawJavaMessage() throws Exception {
		mvc.perform(post("/api/v1/products").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sku\": \"P-1\", \"name\": \"Seat\", \"unitPrice\": \"abc\", \"currency\": \"EUR\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("unitPrice"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter a number such as 1250.50"))
			.andExpect(content().string(not(containsString("java."))));
	}

	@Test
	void aBodyThatIsNotJsonAnswers400() throws Exception {
		mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body is missing or is not valid JSON."));
	}

	@Test
	void validationMessagesAreWrittenForPeople() throws Exception {
		mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + "x".repeat(201) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("At most 200 characters"));
		mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("Required"));
	}

	@Test
	void aQueryParameterOfTheWrongTypeNamesTheParameter() throws Exception {
		mvc.perform(get("/api/v1/accounts").header("Authorization", token).param("page", "99999999999"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("page"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("whole number")));
	}

	@Test
	void aHugePageAnswersAnEmptyPageOnEveryList() throws Exception {
		String admin = data.bearer(data.user(data.team(), Role.ADMIN));
		for (String list : new String[] { "/api/v1/accounts", "/api/v1/contacts", "/api/v1/leads",
				"/api/v1/opportunities", "/api/v1/products", "/api/v1/orders", "/api/v1/contracts",
				"/api/v1/accounts/duplicate-groups", "/api/v1/contacts/duplicate-groups" }) {
			mvc.perform(get(list).header("Authorization", admin).param("page", "85899346"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items", hasSize(0)));
		}
		for (String page : new String[] { "/accounts", "/contacts", "/leads", "/opportunities", "/products",
				"/orders", "/contracts" }) {
			mvc.perform(get(page).with(data.as(seller)).param("page", "85899346")).andExpect(status().isOk());
		}
	}

	@Test
	void aHugeSearchPageNamesThePageInsteadOfOverflowing() throws Exception {
		mvc.perform(get("/api/v1/search").header("Authorization", token).param("q", "acme").param("page",
				"2147483647"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(get("/search").with(data.as(seller)).param("q", "acme").param("kind", "account").param("page",
				"2147483647"))
			.andExpect(status().isOk());
	}

	@Test
	void aFormWithANumberOfTheWrongTypeShowsTheFieldsMessageAndKeepsWhatWasTyped() throws Exception {
		String admin = data.bearer(data.user(data.team(), Role.ADMIN));
		String product = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/products")
			.header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sku\": \"" + TestData.unique("KEPT") + "\", \"name\": \"Seat\", \"unitPrice\": 5, "
					+ "\"currency\": \"EUR\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String page = mvc.perform(post("/opportunities").with(csrf()).with(data.as(seller))
			.param("name", "Kept deal name")
			.param("amount", "1000")
			.param("currency", "EUR")
			.param("closeDate", "2027-06-30")
			.param("probability", "99999999999")
			.param("lines[0].productId", product)
			.param("lines[0].quantity", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a whole number such as 30")))
			.andExpect(content().string(containsString("value=\"Kept deal name\"")))
			.andExpect(content().string(containsString("value=\"99999999999\"")))
			.andExpect(content().string(not(containsString("Failed to convert"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(page.split("name=\"lines\\[0]\\.productId\"", -1)).hasSize(2);
		org.assertj.core.api.Assertions.assertThat(page).contains("name=\"lines[0].quantity\" value=\"3\"");
	}

	@Test
	void definingACustomFieldWithAnEmptyBodyNamesTheMissingField() throws Exception {
		String admin = data.bearer(data.user(data.team(), Role.ADMIN));
		mvc.perform(post("/api/v1/admin/custom-fields").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("entity"));
	}

	@Test
	void enumerationValuesInQueryParametersAreReadInAnyCase() throws Exception {
		mvc.perform(get("/api/v1/opportunities").header("Authorization", token).param("kind", "won")
			.with(org.rapport.ApiContract.offContract()))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/opportunities").header("Authorization", token).param("kind", "someday"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("kind"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("WON")));
	}

	@Test
	void implausibleAmountsAndDatesAreRefusedWithTheirMessages() throws Exception {
		String account = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/accounts")
			.header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(TestData.unique("Plausible"))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		mvc.perform(post("/api/v1/opportunities").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + account + "\", \"name\": \"Huge\", \"amount\": 1e15, "
					+ "\"currency\": \"EUR\", \"closeDate\": \"1900-01-01\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'amount')].message")
				.value(org.hamcrest.Matchers.contains("Enter an amount from 0 to 9,999,999,999,999.99")))
			.andExpect(jsonPath("$.errors[?(@.field == 'closeDate')].message")
				.value(org.hamcrest.Matchers.contains("Enter a date after 1900-01-01 and before 2200-01-01")));
		mvc.perform(post("/opportunities").with(csrf()).with(data.as(seller))
			.param("accountId", account)
			.param("name", "Huge")
			.param("amount", "1e30")
			.param("currency", "EUR")
			.param("closeDate", "2027-06-30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter an amount from 0 to 9,999,999,999,999.99")))
			.andExpect(content().string(containsString("value=\"Huge\"")));
	}

	@Test
	void aThreeLetterCodeThatIsNoCurrencyIsRefusedByName() throws Exception {
		mvc.perform(post("/api/v1/opportunities").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"0191a3b4-0000-7000-8000-000000000000\", \"name\": \"Q\", \"amount\": 5, "
					+ "\"currency\": \"QQQ\", \"closeDate\": \"2027-01-01\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[?(@.field == 'currency')].message")
				.value(org.hamcrest.Matchers.contains("Not a known ISO 4217 currency code; use one such as EUR or USD")));
	}
}
