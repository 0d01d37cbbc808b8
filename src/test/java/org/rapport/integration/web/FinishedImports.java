package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.springframework.test.web.servlet.MockMvc;

/** Waits, as an API client polls, for an import started through the API to finish. */
final class FinishedImports {

	/** How long an import of a test file may take. */
	private static final int TRIES = 1200;

	private static final long PAUSE_MILLIS = 50;

	private FinishedImports() {
	}

	/** The job as {@code GET /api/v1/imports/{id}} answers it once it has ended; it must have ended as done. */
	static String awaitDone(MockMvc mvc, String token, String id) throws Exception {
		String body = "";
		for (int i = 0; i < TRIES && !body.contains("\"status\":\"DONE\"") && !body.contains("\"status\":\"FAILED\"");
				i++) {
			Thread.sleep(PAUSE_MILLIS);
			body = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", token))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		assertThat(body).contains("\"status\":\"DONE\"");
		return body;
	}
}
