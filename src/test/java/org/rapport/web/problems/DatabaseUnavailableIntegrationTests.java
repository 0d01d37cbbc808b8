package org.rapport.web.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.search.Indexing;
import org.rapport.web.internal.PoolSize;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Out of database connections, the API answers 503 with {@code Retry-After} as problem details and the UI a page that
 * says so in the user's language, for requests that fail in a controller and in the security filters alike. The pool
 * here is the smallest Rapport accepts, and it carries an import with its search indexing.
 */
@RapportTest
@TestPropertySource(properties = { "rapport.db-pool-size=" + PoolSize.MINIMUM,
		"spring.datasource.hikari.connection-timeout=250" })
class DatabaseUnavailableIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	DataSource dataSource;

	@Autowired
	Indexing indexing;

	@Test
	void withoutAConnectionTheApiAnswers503WithRetryAfterAndThePagesSaySo() throws Exception {
		User user = data.user(data.team(), Role.SALES);
		String token = data.bearer(user);
		importAccount(token, TestData.unique("Pool") + " Trading");
		RequestPostProcessor signedIn = data.as(user);

		List<Connection> taken = new ArrayList<>();
		try {
			for (int i = 0; i < PoolSize.MINIMUM; i++) {
				taken.add(dataSource.getConnection());
			}
			mvc.perform(get("/api/v1/accounts").header("Authorization", token))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", DatabaseUnavailable.RETRY_AFTER))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.status").value(503))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("try again")));
			mvc.perform(get("/accounts").with(signedIn).locale(Locale.SIMPLIFIED_CHINESE))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", DatabaseUnavailable.RETRY_AFTER))
				.andExpect(content().string(Matchers.containsString("系统繁忙")));
			mvc.perform(get("/accounts").with(signedIn).locale(Locale.ENGLISH))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(Matchers.containsString("Busy right now")));
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}
		mvc.perform(get("/api/v1/accounts").header("Authorization", token)).andExpect(status().isOk());
	}

	private void importAccount(String token, String name) throws Exception {
		String started = mvc.perform(multipart("/api/v1/imports")
			.file(new MockMultipartFile("file", "accounts.csv", "text/csv",
					("Account Name\n" + name + "\n").getBytes(StandardCharsets.UTF_8)))
			.param("entity", "accounts")
			.param("duplicateMode", "SKIP")
			.param("matchBy", "NAME")
			.header("Authorization", token))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(started, "$.id");
		String body = "";
		for (int i = 0; i < 600 && !body.contains("\"DONE\""); i++) {
			Thread.sleep(20);
			body = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", token))
				.andReturn().getResponse().getContentAsString();
		}
		assertThat(body).contains("\"DONE\"");
		indexing.settle();
		String hits = mvc.perform(get("/api/v1/search").param("q", name.split(" ")[0]).header("Authorization", token))
			.andReturn().getResponse().getContentAsString();
		assertThat(JsonPath.<List<Object>>read(hits, "$.items")).as("the imported account in the search").isNotEmpty();
	}
}
