package org.rapport.customization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customization.CustomField;
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * A custom field's index that a failed concurrent build left invalid is found and built again, and the custom-field
 * page shows where each field's index stands. PostgreSQL only (CI); H2 has no such indexes.
 */
@RapportTest
class FieldIndexesIntegrationTests {

	@Autowired
	CustomFieldService fields;

	@Autowired
	FieldIndexes indexes;

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void anIndexAFailedBuildLeftInvalidIsBuiltAgainAndThePageShowsItsState() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assumeTrue("PostgreSQL".equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())),
				"expression indexes are made on PostgreSQL only");
		String key = "seats" + TestData.unique("").replaceAll("[^0-9]", "");
		UUID id = fields.define("account", key, FieldType.NUMBER,
				new FieldText("Seats", null, null, null, false, null, List.of(), null)).getId();
		CustomField field = fields.get(id).toField();
		String index = "cf_account_" + key + "_num";
		try {
			awaitState(field, FieldIndexes.State.VALID);

			// a concurrent build that fails on a value leaves an invalid index behind
			UUID account = UUID.fromString(com.jayway.jsonpath.JsonPath.read(mvc.perform(
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/accounts")
						.header("Authorization", data.bearer(data.user(data.team(), Role.ADMIN)))
						.contentType("application/json")
						.content(TestData.accountJson(TestData.unique("Seats"))))
				.andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString(), "$.id"));
			jdbc.execute("drop index " + index);
			jdbc.update("update account set custom_fields = jsonb_build_object(?::text, 'many') where id = ?", key,
					account);
			assertThatThrownBy(() -> jdbc.execute("create index concurrently " + index + " on account ((cast("
					+ "jsonb_extract_path_text(custom_fields, '" + key + "') as float(53))), id)"));
			assertThat(jdbc.queryForObject("select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid "
					+ "where c.relname = ?", Boolean.class, index)).isFalse();
			assertThat(indexes.state("account", field)).isEqualTo(FieldIndexes.State.BROKEN);
			mvc.perform(get("/admin/fields").param("entity", "account")
				.with(data.as(data.user(data.team(), Role.ADMIN)))
				.sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.SIMPLIFIED_CHINESE))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("待重建")));

			jdbc.update("update account set custom_fields = jsonb_build_object(?::text, 12) where id = ?", key, account);
			assertThat(indexes.repairAll()).isGreaterThanOrEqualTo(1);

			assertThat(indexes.state("account", field)).isEqualTo(FieldIndexes.State.VALID);
			assertThat(jdbc.queryForObject("select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid "
					+ "where c.relname = ?", Boolean.class, index)).isTrue();
			mvc.perform(get("/admin/fields").param("entity", "account")
				.with(data.as(data.user(data.team(), Role.ADMIN))))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("List index")))
				.andExpect(content().string(Matchers.containsString("Valid")));
		}
		finally {
			fields.retire(id);
		}
	}

	private void awaitState(CustomField field, FieldIndexes.State expected) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			if (indexes.state("account", field) == expected) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The field's indexes did not become " + expected + " within 30 s");
	}
}
