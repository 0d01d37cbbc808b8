package org.rapport.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.search.Indexing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An event whose listener never finished — the node went down between the import's commit and the search index's
 * update — is handed to its listener again when the application starts, and the record it names reaches the index;
 * an event that is still young is left to the node that may be processing it.
 */
@RapportTest
class OutstandingEventsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	OutstandingEvents outstanding;

	@Autowired
	Indexing indexing;

	@Test
	void anImportBatchWhoseIndexingWasCutOffReachesTheSearchAfterARestart() throws Exception {
		String token = data.bearer(data.user(data.team(), Role.SALES));
		String imported = word();
		importAccount(token, capital(imported) + " Trading");
		assertThat(found(token, imported)).isTrue();
		UUID account = jdbc.queryForObject("select id from account where name = ?", UUID.class,
				capital(imported) + " Trading");
		Map<String, Object> published = jdbc.queryForMap("select listener_id, event_type, serialized_event "
				+ "from event_publication where event_type like '%AccountsImported' and serialized_event like ? "
				+ "and listener_id like 'org.rapport.search.%'",
				"%" + account + "%");

		// what the crash left: the rows as the batch committed them, and their event, not yet processed
		String renamed = word();
		jdbc.update("update account set name = ? where id = ?", capital(renamed) + " Trading", account);
		UUID old = publication(published, Instant.now().minus(Duration.ofMinutes(10)));
		UUID young = publication(published, Instant.now());
		try {
			assertThat(found(token, renamed)).isFalse();

			outstanding.resubmit();

			assertThat(found(token, renamed)).isTrue();
			assertThat(jdbc.queryForObject("select status from event_publication where id = ?", String.class, young))
				.isEqualTo("PUBLISHED");
		}
		finally {
			jdbc.update("delete from event_publication where id in (?, ?)", old, young);
		}
	}

	private UUID publication(Map<String, Object> like, Instant publishedAt) {
		UUID id = UUID.randomUUID();
		jdbc.update("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
				+ "status, completion_attempts) values (?, ?, ?, ?, ?, 'PUBLISHED', 1)", id, like.get("listener_id"),
				like.get("event_type"), like.get("serialized_event"), Timestamp.from(publishedAt));
		return id;
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
	}

	/** Whether the search finds the word once the index has taken what was saved and resubmitted before. */
	private boolean found(String token, String word) throws Exception {
		indexing.settle();
		String body = mvc.perform(get("/api/v1/search").param("q", word).header("Authorization", token))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return !JsonPath.<List<Object>>read(body, "$.items").isEmpty();
	}

	private static String word() {
		StringBuilder word = new StringBuilder("q");
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 7; i++) {
			word.append((char) ('a' + random.nextInt(26)));
		}
		return word.toString();
	}

	private static String capital(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}
}
