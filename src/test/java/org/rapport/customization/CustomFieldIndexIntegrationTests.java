package org.rapport.customization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL a new custom field gets expression indexes, and the conditions and orders that list queries write
 * for it (the same text as {@link CustomFieldQuery} renders through Hibernate) can use them. Runs where the tests run
 * on PostgreSQL (CI); on H2 there is nothing to index.
 */
@RapportModuleTest
class CustomFieldIndexIntegrationTests {

	@Autowired
	CustomFieldService fields;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void listFiltersAndSortsOfANewFieldUseItsIndexes() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		String product = jdbc.execute(
				(java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		assumeTrue("PostgreSQL".equals(product), "expression indexes are made on PostgreSQL only");
		String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		String region = "region" + suffix;
		String seats = "seats" + suffix;
		UUID regionId = fields.define("account", region, FieldType.TEXT,
				new FieldText("Region", null, null, null, false, null, List.of(), null)).getId();
		UUID seatsId = fields.define("account", seats, FieldType.NUMBER,
				new FieldText("Seats", null, null, null, false, null, List.of(), null)).getId();
		try {
			awaitIndexes(jdbc, "cf_account_" + region, "cf_account_" + region + "_prefix", "cf_account_" + seats + "_num");
			String text = "jsonb_extract_path_text(a1_0.custom_fields,'" + region + "')";
			String number = "cast(jsonb_extract_path_text(a1_0.custom_fields,'" + seats + "') as float(53))";
			assertThat(plan(jdbc, "select a1_0.id from account a1_0 order by " + text + " asc, a1_0.id asc fetch first 25 rows only"))
				.contains("Index Scan using cf_account_" + region + " ");
			assertThat(plan(jdbc, "select a1_0.id from account a1_0 where " + text + "='North'"))
				.contains("cf_account_" + region);
			assertThat(plan(jdbc, "select a1_0.id from account a1_0 where lower(" + text + ") like 'nor%' escape '\\'"))
				.contains("cf_account_" + region + "_prefix");
			assertThat(plan(jdbc, "select a1_0.id from account a1_0 where " + number + ">=10 and " + number + "<=20"))
				.contains("cf_account_" + seats + "_num");
			assertThat(plan(jdbc, "select a1_0.id from account a1_0 order by " + number
					+ " desc, a1_0.id desc fetch first 25 rows only")).contains("cf_account_" + seats + "_num");
		}
		finally {
			fields.retire(regionId);
			fields.retire(seatsId);
		}
	}

	/** The plan PostgreSQL picks when sequential scans cost too much to choose, as a small table would invite. */
	private String plan(JdbcTemplate jdbc, String sql) {
		return transactions.execute(status -> {
			jdbc.execute("set local enable_seqscan = off");
			return String.join("\n", jdbc.queryForList("explain " + sql, String.class));
		});
	}

	private static void awaitIndexes(JdbcTemplate jdbc, String... names) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			Integer made = jdbc.queryForObject("select count(*) from pg_indexes where indexname in ("
					+ String.join(",", java.util.Arrays.stream(names).map(n -> "'" + n + "'").toList()) + ")",
					Integer.class);
			if (made != null && made == names.length) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The indexes " + String.join(", ", names) + " were not made within 30 s");
	}
}
