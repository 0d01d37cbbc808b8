package org.rapport.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.activities.internal.Activity;
import org.rapport.activities.internal.ActivityBook;
import org.rapport.activities.internal.ActivityDetails;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.customers.NewContact;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.web.CommerceFixtures;
import org.rapport.shared.RecordRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Activities stay with what they are about: a merged account's and contact's go to the record that remains, a
 * contact's follow it to another account, a deleted record's go with it, and an account's delete asks about them.
 */
@RapportTest
@Import(CommerceFixtures.class)
class FollowedRecordsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	Customers customers;

	@Autowired
	ActivityBook activities;

	@Autowired
	JdbcTemplate jdbc;

	User admin;
	Actor actor;
	String token;

	@BeforeEach
	void setUp() {
		admin = data.user(data.team(), Role.ADMIN);
		actor = data.actor(admin);
		token = data.bearer(admin);
	}

	private Activity note(String type, UUID id) {
		return activities.create(actor, new ActivityDetails(ActivityKind.NOTE, "About " + type,
				new RecordRef(type, id), null, null, null, null, null, false, null, List.of(), null, null, null, null,
				null, "Text", null, null), Map.of());
	}

	private ContactId contact(AccountId account) {
		return customers.addContact(actor, new NewContact(account, "Ann", TestData.unique("Lee"), null, null, null,
				null, null));
	}

	private UUID accountOf(Activity activity) {
		return jdbc.queryForObject("select account_id from activity where id = ?", UUID.class, activity.getId());
	}

	private UUID aboutOf(Activity activity) {
		return jdbc.queryForObject("select about_id from activity where id = ?", UUID.class, activity.getId());
	}

	private boolean exists(Activity activity) {
		return jdbc.queryForObject("select count(*) from activity where id = ?", Long.class, activity.getId()) == 1;
	}

	@Test
	void anAccountsDeleteAsksAboutItsActivitiesThenTakesThemAlongAndLeavesItsDetachedContactsTheirs() throws Exception {
		AccountId account = fixtures.account(actor, TestData.unique("Going"));
		ContactId contact = contact(account);
		Activity own = note("account", account.value());
		Activity ofTheContact = note("contact", contact.value());
		UUID opportunity = fixtures.opportunity(actor, account);
		Activity ofTheDeal = note("opportunity", opportunity);

		mvc.perform(delete("/api/v1/accounts/" + account).param("contacts", "DETACH").header("Authorization", token))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("2 activities")));
		mvc.perform(delete("/api/v1/accounts/" + account).param("contacts", "DETACH").param("related", "DELETE")
			.header("Authorization", token))
			.andExpect(status().isNoContent());

		assertThat(exists(own)).isFalse();
		assertThat(exists(ofTheDeal)).isFalse();
		assertThat(exists(ofTheContact)).isTrue();
		assertThat(accountOf(ofTheContact)).isNull();
	}

	@Test
	void anAccountDeletedWithItsContactsTakesTheirActivitiesAndOneMovedHandsItsOwnOver() throws Exception {
		AccountId account = fixtures.account(actor, TestData.unique("Going"));
		AccountId heir = fixtures.account(actor, TestData.unique("Heir"));
		ContactId contact = contact(account);
		Activity own = note("account", account.value());
		Activity ofTheContact = note("contact", contact.value());

		mvc.perform(delete("/api/v1/accounts/" + account).param("contacts", "DELETE").param("related", "MOVE")
			.param("moveTo", heir.value().toString()).header("Authorization", token))
			.andExpect(status().isNoContent());

		assertThat(exists(ofTheContact)).isFalse();
		assertThat(aboutOf(own)).isEqualTo(heir.value());
		assertThat(accountOf(own)).isEqualTo(heir.value());
	}

	@Test
	void aMergedAccountsActivitiesAndItsContactsGoToTheSurvivorsTimeline() throws Exception {
		AccountId survivor = fixtures.account(actor, TestData.unique("Survivor"));
		AccountId merged = fixtures.account(actor, TestData.unique("Merged"));
		ContactId contact = contact(merged);
		Activity own = note("account", merged.value());
		Activity ofTheContact = note("contact", contact.value());

		mvc.perform(post("/api/v1/accounts/" + survivor + "/merge").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"mergedId": "%s", "version": %d, "mergedVersion": %d}
					""".formatted(merged, version(survivor), version(merged))))
			.andExpect(status().isOk());

		assertThat(aboutOf(own)).isEqualTo(survivor.value());
		assertThat(accountOf(own)).isEqualTo(survivor.value());
		assertThat(accountOf(ofTheContact)).isEqualTo(survivor.value());
	}

	@Test
	void aDeletedContactsActivitiesGoWithItAndAMovedContactTakesThemToItsNewAccount() throws Exception {
		AccountId first = fixtures.account(actor, TestData.unique("First"));
		AccountId second = fixtures.account(actor, TestData.unique("Second"));
		ContactId moving = contact(first);
		ContactId going = contact(first);
		Activity ofTheMoving = note("contact", moving.value());
		Activity ofTheGoing = note("contact", going.value());

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/contacts/" + moving.value()).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + second.value() + "\", \"firstName\": \"Ann\", \"lastName\": \"Lee\"}"))
			.andExpect(status().isOk());
		assertThat(accountOf(ofTheMoving)).isEqualTo(second.value());

		mvc.perform(delete("/api/v1/contacts/" + going.value()).header("Authorization", token))
			.andExpect(status().isNoContent());
		assertThat(exists(ofTheGoing)).isFalse();
	}

	private long version(AccountId account) throws InterruptedException {
		long version = -1;
		for (int i = 0; i < 50; i++) {
			long now = jdbc.queryForObject("select version from account where id = ?", Long.class, account.value());
			if (now == version) {
				return now;
			}
			version = now;
			Thread.sleep(200);
		}
		return version;
	}
}
