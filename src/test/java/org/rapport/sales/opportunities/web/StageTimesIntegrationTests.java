package org.rapport.sales.opportunities.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.opportunities.internal.PipelineService;
import org.rapport.sales.opportunities.internal.Stage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How long an opportunity stayed in each stage, and has stayed in its current one so far, by the application's
 * clock.
 */
@RapportTest
@Import(TestClock.Setup.class)
class StageTimesIntegrationTests {

	static final Instant OPENED = Instant.parse("2026-09-07T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@Autowired
	PipelineService pipelines;

	User seller;
	String token;

	@BeforeEach
	void stopTheClock() {
		clock.setTo(OPENED);
		seller = data.user(data.team(), Role.SALES);
		token = data.bearer(seller);
	}

	@Test
	void theHistoryTellsTheTimeSpentInEachStageAndInTheCurrentOneUntilNow() throws Exception {
		String account = id(create("/api/v1/accounts", TestData.accountJson(TestData.unique("Patient Co"))));
		String deal = create("/api/v1/opportunities", """
				{"accountId": "%s", "name": "Slow deal", "amount": 100, "currency": "EUR", "closeDate": "2026-12-31"}
				""".formatted(account));
		Stage next = pipelines.defaultPipeline().getStages().get(1);

		clock.advance(Duration.ofDays(3).plusHours(4));
		mvc.perform(post(deal + "/stage").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"stageId\": \"" + next.getId() + "\"}"))
			.andExpect(status().isOk());
		clock.advance(Duration.ofDays(2));

		mvc.perform(get(deal + "/history").header("Authorization", token))
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].enteredAt").value(OPENED.toString()))
			.andExpect(jsonPath("$[0].leftAt").value("2026-09-10T13:00:00Z"))
			.andExpect(jsonPath("$[0].timeSpent").value(Duration.ofHours(76).toString()))
			.andExpect(jsonPath("$[1].stageId").value(next.getId().toString()))
			.andExpect(jsonPath("$[1].enteredAt").value("2026-09-10T13:00:00Z"))
			.andExpect(jsonPath("$[1].timeSpent").value(Duration.ofDays(2).toString()));
		mvc.perform(get("/opportunities/" + id(deal)).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 d 4 h")))
			.andExpect(content().string(containsString("2 d 0 h")));
	}

	private String create(String path, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private static String id(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}
}
