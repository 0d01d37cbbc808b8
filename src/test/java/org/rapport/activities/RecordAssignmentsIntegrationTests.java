package org.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A user hears that someone gave them a record, with a link to it; giving a record to oneself tells nobody.
 */
@RapportTest
@Import(CommerceFixtures.class)
class RecordAssignmentsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theNewOwnerOfAnAccountIsToldWhoGaveItToThemAndTheOneWhoTookItHimselfIsNot() throws Exception {
		TeamId team = data.team();
		User manager = data.user(team, Role.MANAGER);
		User seller = data.user(team, Role.SALES);
		String name = TestData.unique("Handover");
		AccountId account = fixtures.account(data.actor(manager), name);

		mvc.perform(put("/api/v1/accounts/{id}", account.value()).header("Authorization", data.bearer(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "%s", "ownerId": "%s", "version": 0}
					""".formatted(name, seller.getId())))
			.andExpect(status().isOk());
		List<Map<String, Object>> notices = noticesOf(seller);
		assertThat(notices).hasSize(1);
		assertThat(notices.get(0)).containsEntry("message_key", "notice.record.assigned.account")
			.containsEntry("link", "/accounts/" + account.value());
		assertThat((String) notices.get(0).get("arguments")).contains(name).contains(manager.getDisplayName());

		// the manager takes it back: nobody is told
		mvc.perform(put("/api/v1/accounts/{id}", account.value()).header("Authorization", data.bearer(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "%s", "ownerId": "%s", "version": 1}
					""".formatted(name, manager.getId())))
			.andExpect(status().isOk());
		Thread.sleep(500);
		assertThat(noticesOf(manager)).isEmpty();
	}

	/** The user's notices of records given to them, waiting for the listener that writes them after the commit. */
	private List<Map<String, Object>> noticesOf(User user) throws InterruptedException {
		List<Map<String, Object>> found = List.of();
		for (int attempt = 0; attempt < 100 && found.isEmpty(); attempt++) {
			Thread.sleep(50);
			found = jdbc.queryForList("select message_key, link, arguments from notification where recipient_id = ? "
					+ "and kind = 'record.assigned'", user.getId());
		}
		return found;
	}
}
