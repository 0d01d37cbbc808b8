package org.rapport.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.rapport.RapportApplication;
import org.rapport.identity.UserId;
import org.rapport.identity.internal.ApiTokenService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A database that an earlier release made and filled upgrades to this one: migrated only up to V12 (before the match
 * keys, imports, external ids and everything since), filled with that schema's SQL, then started as this version,
 * which migrates it to the end, its records are all there and the application reads, changes and adds to them. On an
 * own in-memory H2 database, and on PostgreSQL (where RAPPORT_TEST_DB_URL names one) in an own schema that is dropped
 * afterwards.
 */
class UpgradeIntegrationTests {

	static final String EARLIER = "12";

	static final UUID TEAM = UUID.fromString("0190a000-0000-7000-8000-000000000001");
	static final UUID ADMIN = UUID.fromString("0190a000-0000-7000-8000-000000000002");
	static final UUID ACCOUNT = UUID.fromString("0190a000-0000-7000-8000-000000000003");
	static final UUID CONTACT = UUID.fromString("0190a000-0000-7000-8000-000000000004");
	static final UUID PRODUCT = UUID.fromString("0190a000-0000-7000-8000-000000000005");
	static final UUID PIPELINE = UUID.fromString("0190a000-0000-7000-8000-000000000006");
	static final UUID STAGE = UUID.fromString("0190a000-0000-7000-8000-000000000007");
	static final UUID OPPORTUNITY = UUID.fromString("0190a000-0000-7000-8000-000000000008");
	static final UUID LEAD = UUID.fromString("0190a000-0000-7000-8000-000000000009");
	static final UUID ORDER = UUID.fromString("0190a000-0000-7000-8000-00000000000a");
	static final UUID ORDER_LINE = UUID.fromString("0190a000-0000-7000-8000-00000000000b");

	@Test
	void aDatabaseOfAnEarlierVersionUpgradesWithItsDataIntactAndUsable() throws Exception {
		String postgres = System.getenv("RAPPORT_TEST_DB_URL");
		if (postgres != null && postgres.startsWith("jdbc:postgresql:")) {
			String schema = "upgrade_" + Long.toHexString(System.nanoTime());
			String user = System.getenv().getOrDefault("RAPPORT_TEST_DB_USER", "postgres");
			String password = System.getenv().getOrDefault("RAPPORT_TEST_DB_PASSWORD", "");
			JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(postgres, user, password));
			admin.execute("create schema " + schema);
			try {
				String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + schema;
				upgrade(url, user, password, "postgresql");
			}
			finally {
				admin.execute("drop schema " + schema + " cascade");
			}
		}
		else {
			String url = "jdbc:h2:mem:upgrade_" + Long.toHexString(System.nanoTime())
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
			upgrade(url, "sa", "", "h2");
		}
	}

	private void upgrade(String url, String user, String password, String vendor) throws Exception {
		Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.target(EARLIER)
			.load()
			.migrate();
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, password));
		fillAsOfV12(jdbc);

		// as arguments, which come before the test profile's settings
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RapportApplication.class)
			.profiles("test")
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password, "--server.port=0", "--spring.jmx.enabled=false")) {
			assertThat(jdbc.queryForList("select version from flyway_schema_history where success", String.class))
				.contains(EARLIER, "12.1", "13", "19");
			String token = "Bearer " + app.getBean(ApiTokenService.class).issue(new UserId(ADMIN), "upgrade", null)
				.secret();
			MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).apply(springSecurity())
				.build();

			mvc.perform(get("/api/v1/accounts/" + ACCOUNT).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("Müller Logistik GmbH"))
				.andExpect(jsonPath("$.website").value("mueller-logistik.example"))
				.andExpect(jsonPath("$.version").value(3));
			mvc.perform(get("/api/v1/contacts/" + CONTACT).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.lastName").value("Schneider"))
				.andExpect(jsonPath("$.email").value("Anna.Schneider@mueller-logistik.example"));
			mvc.perform(get("/api/v1/opportunities/" + OPPORTUNITY).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("Fleet telematics"))
				.andExpect(jsonPath("$.amount.amount").value(48000));
			mvc.perform(get("/api/v1/leads/" + LEAD).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.company").value("Hafen Kontor AG"));
			mvc.perform(get("/api/v1/orders/" + ORDER).header("Authorization", token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.number").value("ORD-0001"));

			// V12_1 filled the duplicate keys of the rows that were there
			assertThat(jdbc.queryForObject("select name_key from account where id = ?", String.class, ACCOUNT))
				.isNotBlank();
			assertThat(jdbc.queryForObject("select email_key from contact where id = ?", String.class, CONTACT))
				.contains("schneider");

			// and the records take changes and new neighbours
			mvc.perform(put("/api/v1/accounts/" + ACCOUNT).header("Authorization", token)
				.header("If-Match", "\"3\"")
				.contentType("application/json")
				.content("""
						{"name": "Müller Logistik SE", "type": "COMPANY", "lifecycleStage": "PROSPECT",
						 "website": "mueller-logistik.example"}"""))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.name").value("Müller Logistik SE"));
			mvc.perform(post("/api/v1/contacts").header("Authorization", token)
				.contentType("application/json")
				.content("""
						{"lastName": "Weber", "accountId": "%s"}""".formatted(ACCOUNT)))
				.andExpect(status().isCreated());
			assertThat(jdbc.queryForObject("select count(*) from contact where account_id = ?", Integer.class, ACCOUNT))
				.isEqualTo(2);
		}
	}

	/** Data as V12's schema held it, written as that version's SQL. */
	private static void fillAsOfV12(JdbcTemplate jdbc) {
		String at = "timestamp with time zone '2025-03-01 09:00:00+00'";
		jdbc.update("insert into team (id, version, name, created_at) values (?, 0, 'Nord', " + at + ")", TEAM);
		jdbc.update("insert into app_user (id, version, username, display_name, email, password_hash, roles, team_id, "
				+ "locale, time_zone, active, failed_logins, created_at, updated_at) values (?, 0, 'admin', "
				+ "'Administrator', 'admin@example.com', '{noop}not-used', 'ADMIN', ?, 'en', 'UTC', true, 0, " + at
				+ ", " + at + ")", ADMIN, TEAM);
		jdbc.update("insert into account (id, version, name, type, industry, website, phone, billing_city, "
				+ "billing_country, owner_id, team_id, lifecycle_stage, created_by, created_at, updated_by, updated_at) "
				+ "values (?, 3, 'Müller Logistik GmbH', 'COMPANY', 'LOGISTICS', 'mueller-logistik.example', "
				+ "'+49 40 123456', 'Hamburg', 'Germany', ?, ?, 'PROSPECT', ?, " + at + ", ?, " + at + ")", ACCOUNT,
				ADMIN, TEAM, ADMIN, ADMIN);
		jdbc.update("insert into contact (id, version, account_id, first_name, last_name, email, owner_id, team_id, "
				+ "do_not_contact, created_at, updated_at) values (?, 0, ?, 'Anna', 'Schneider', "
				+ "'Anna.Schneider@mueller-logistik.example', ?, ?, false, " + at + ", " + at + ")", CONTACT, ACCOUNT,
				ADMIN, TEAM);
		jdbc.update("insert into product (id, version, sku, name, unit_price, currency, active, owner_id, created_at, "
				+ "updated_at) values (?, 0, 'TEL-1', 'Telematics unit', 400, 'EUR', true, ?, " + at + ", " + at + ")",
				PRODUCT, ADMIN);
		jdbc.update("insert into pipeline (id, version, name, is_default, position, created_at) values (?, 0, "
				+ "'Fleet sales', false, 5, " + at + ")", PIPELINE);
		jdbc.update("insert into pipeline_stage (id, pipeline_id, name, position, probability, kind) values (?, ?, "
				+ "'Proposal', 1, 60, 'OPEN')", STAGE, PIPELINE);
		jdbc.update("insert into opportunity (id, version, account_id, name, pipeline_id, stage_id, stage_kind, amount, "
				+ "currency, close_date, probability, stage_entered_at, board_rank, owner_id, team_id, created_at, "
				+ "updated_at) values (?, 0, ?, 'Fleet telematics', ?, ?, 'OPEN', 48000, 'EUR', date '2025-06-30', 60, "
				+ at + ", 1000, ?, ?, " + at + ", " + at + ")", OPPORTUNITY, ACCOUNT, PIPELINE, STAGE, ADMIN, TEAM);
		jdbc.update("insert into lead (id, version, first_name, last_name, company, email, status, owner_id, team_id, "
				+ "created_at, updated_at) values (?, 0, 'Jan', 'Kowalski', 'Hafen Kontor AG', 'jan@hafen.example', "
				+ "'NEW', ?, ?, " + at + ", " + at + ")", LEAD, ADMIN, TEAM);
		jdbc.update("insert into sales_order (id, version, number, account_id, order_date, status, total, currency, "
				+ "owner_id, team_id, created_at, updated_at) values (?, 0, 'ORD-0001', ?, date '2025-03-01', "
				+ "'CONFIRMED', 800, 'EUR', ?, ?, " + at + ", " + at + ")", ORDER, ACCOUNT, ADMIN, TEAM);
		jdbc.update("insert into sales_order_line (id, order_id, position, product_id, quantity, unit_price) values "
				+ "(?, ?, 0, ?, 2, 400)", ORDER_LINE, ORDER, PRODUCT);
		jdbc.execute("alter sequence sales_order_number_seq restart with 2");
	}
}
