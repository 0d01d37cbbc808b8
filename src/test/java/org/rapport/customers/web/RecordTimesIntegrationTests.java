package org.rapport.customers.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When a business record was created and last changed comes from the application's clock, as every other time.
 */
@RapportModuleTest
class RecordTimesIntegrationTests {

	static final Instant CREATED = Instant.parse("2026-05-04T07:30:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@BeforeEach
	void stopTheClock() {
		clock.setTo(CREATED);
	}

	@Test
	void anAccountChangedLaterKeepsWhenItWasCreatedAndTakesTheTimeOfTheChange() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.SALES));
		String name = TestData.unique("Timely");
		String location = mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(name)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.createdAt").value(CREATED.toString()))
			.andExpect(jsonPath("$.updatedAt").value(CREATED.toString()))
			.andReturn()
			.getResponse()
			.getHeader("Location");

		clock.advance(Duration.ofMinutes(90));
		mvc.perform(put(location).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(name + " renamed")))
			.andExpect(status().isOk());

		mvc.perform(get(location).header("Authorization", token))
			.andExpect(jsonPath("$.createdAt").value(CREATED.toString()))
			.andExpect(jsonPath("$.updatedAt").value(CREATED.plus(Duration.ofMinutes(90)).toString()));
	}
}
