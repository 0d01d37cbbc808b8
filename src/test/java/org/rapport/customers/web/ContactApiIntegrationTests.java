package org.rapport.customers.web;

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
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RapportModuleTest
class ContactApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	User seller;
	String token;

	@BeforeEach
	void people() {
		seller = data.user(data.team(), Role.SALES);
		token = data.bearer(seller);
	}

	@Test
	void aContactIsCreatedReadChangedAndDeleted() throws Exception {
		String account = id(create("/api/v1/accounts", TestData.accountJson("Contact Home")));
		String location = create("/api/v1/contacts", """
				{"accountId": "%s", "firstName": "Wei", "lastName": "Zhang", "title": "CTO",
				 "email": "wei@example.cn", "phone": "+86 21 5555 0100", "doNotContact": true,
				 "address": {"city": "上海", "country": "China"}}
				""".formatted(account));
		mvc.perform(get(location).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.accountId").value(account))
			.andExpect(jsonPath("$.address.city").value("上海"))
			.andExpect(jsonPath("$.doNotContact").value(true));
		mvc.perform(put(location).header("Authorization", token)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\": \"Wei\", \"lastName\": \"Zhang-Li\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lastName").value("Zhang-Li"))
			.andExpect(jsonPath("$.accountId").doesNotExist());
		mvc.perform(get("/api/v1/contacts").param("account", account).header("Authorization", token))
			.andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(delete(location).header("Authorization", token)).andExpect(status().isNoContent());
		mvc.perform(get(location).header("Authorization", token)).andExpect(status().isNotFound());
	}

	@Test
	void aContactCannotBeAttachedToAnAccountItsAuthorMayNotSee() throws Exception {
		User stranger = data.user(data.team(), Role.SALES);
		String hidden = id(mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(stranger))
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson("Hidden Home")))
			.andReturn()
			.getResponse()
			.getHeader("Location"));
		mvc.perform(post("/api/v1/contacts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + hidden + "\", \"lastName\": \"Sneaky\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
	}

	@Test
	void aContactNeedsALastNameAndAValidEmail() throws Exception {
		mvc.perform(post("/api/v1/contacts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\": \"Only\", \"email\": \"@@\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors", hasSize(2)));
	}

	@Test
	void contactsAreFoundByTheStartOfTheirNameOrEmail() throws Exception {
		String tag = TestData.unique("Q").toLowerCase();
		create("/api/v1/contacts", "{\"lastName\": \"" + tag + "son\"}");
		create("/api/v1/contacts", "{\"lastName\": \"Other\", \"email\": \"" + tag + "@example.com\"}");
		create("/api/v1/contacts", "{\"lastName\": \"Unrelated\"}");
		mvc.perform(get("/api/v1/contacts").param("q", tag.toUpperCase()).header("Authorization", token))
			.andExpect(jsonPath("$.items", hasSize(2)));
	}

	private String create(String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private static String id(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}
}
