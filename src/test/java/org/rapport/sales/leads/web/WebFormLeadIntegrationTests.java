package org.rapport.sales.leads.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.UserDirectory;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadFilter;
import org.rapport.sales.leads.internal.LeadService;
import org.springframework.data.domain.Sort;
import org.rapport.sales.leads.internal.LeadStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@RapportTest
class WebFormLeadIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	LeadService leads;

	@Autowired
	UserDirectory directory;

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/**
	 * Each test posts from addresses of its own, so that the limit of one does not reach another; the counts are kept
	 * in the database, so the addresses differ from one run to the next too.
	 */
	static String newAddress() {
		return TestData.unique("10.77");
	}

	List<Lead> stored(String lastName) {
		return leads.list(data.actor(data.user(null, Role.ADMIN)), new LeadFilter(lastName, null, null, null),
				Sort.by("name"), 0, 10).items();
	}

	@Test
	void aJsonPostWithoutSignInOrCsrfIsAcceptedAndStoredAsANewWebsiteLeadOfTheFirstAdministrator() throws Exception {
		String last = TestData.unique("Webjson");
		mvc.perform(post("/public/leads").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"firstName": "Web", "lastName": "%s", "email": "web@example.com", "company": "Visitor Ltd",
					 "message": "Please call me"}
					""".formatted(last)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("received"));

		List<Lead> found = stored(last);
		assertThat(found).hasSize(1);
		Lead lead = found.get(0);
		assertThat(lead.getStatus()).isEqualTo(LeadStatus.NEW);
		assertThat(lead.getSource()).isEqualTo(org.rapport.customers.AccountSource.WEBSITE);
		assertThat(lead.getNotes()).isEqualTo("Please call me");
		assertThat(lead.owner()).isEqualTo(directory.firstActiveAdministrator().orElseThrow().id());
	}

	@Test
	void aFormPostWithoutSignInIsThankedAndStored() throws Exception {
		String last = TestData.unique("Webform");
		mvc.perform(post("/public/leads").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("lastName", last)
			.param("email", "form@example.com")
			.param("website", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"thanks\"")));
		assertThat(stored(last)).hasSize(1);
	}

	@Test
	void theFormPageOpensWithoutSignIn() throws Exception {
		mvc.perform(get("/public/leads"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"web-form\"")))
			.andExpect(content().string(containsString("name=\"website\"")));
	}

	@Test
	void aFilledHoneypotIsThankedLikeAPersonButStoredNowhere() throws Exception {
		String last = TestData.unique("Robot");
		mvc.perform(post("/public/leads").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastName\": \"" + last + "\", \"email\": \"bot@example.com\", \"website\": \"http://spam.example\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("received"));
		mvc.perform(post("/public/leads").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("lastName", last)
			.param("email", "bot@example.com")
			.param("website", "http://spam.example"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"thanks\"")));
		assertThat(stored(last)).isEmpty();
	}

	@Test
	void invalidInputAnswers422NamingTheFieldsAndStoresNothing() throws Exception {
		String first = TestData.unique("Invalid");
		mvc.perform(post("/public/leads").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\": \"" + first + "\", \"lastName\": \"\", \"email\": \"not-an-address\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.errors[*].field", hasItem("lastName")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("email")));

		mvc.perform(post("/public/leads").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("firstName", first)
			.param("email", "not-an-address"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"web-form\"")))
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(containsString("value=\"" + first + "\"")));
		assertThat(stored(first)).isEmpty();
	}

	@Test
	void postsPastTheLimitPerMinuteAnswer429WithRetryAfterAndAreNotStored() throws Exception {
		String address = newAddress();
		String last = TestData.unique("Flood");
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/public/leads").with(from(address))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"lastName\": \"" + last + "\", \"email\": \"flood" + i + "@example.com\"}"))
				.andExpect(status().isAccepted());
		}
		mvc.perform(post("/public/leads").with(from(address))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastName\": \"" + last + "\", \"email\": \"flood-over@example.com\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.status").value(429));
		mvc.perform(post("/public/leads").with(from(address))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("lastName", last)
			.param("email", "flood-form@example.com"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("id=\"too-many\"")));
		assertThat(stored(last)).hasSize(10);

		// Another address is not held back.
		mvc.perform(post("/public/leads").with(from(newAddress()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastName\": \"" + last + "\", \"email\": \"other@example.com\"}"))
			.andExpect(status().isAccepted());
	}
}
