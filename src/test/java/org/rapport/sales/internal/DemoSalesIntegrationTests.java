package org.rapport.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.sales.contracts.internal.ContractBook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo profile on an empty database of its own: orders and contracts of every kind, made by the services, and
 * accounts whose lifecycle stages agree with what they bought.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:rapport_demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "rapport.demo.accounts=60" })
// Closes the context afterwards: its database and demo data are its own.
@DirtiesContext
class DemoSalesIntegrationTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ContractBook contracts;

	@Test
	void theDemoHasOrdersOfEveryStatusAndRunningEndingAndExpiredContracts() {
		assertThat(jdbc.queryForList("select distinct status from sales_order", String.class))
			.contains("DRAFT", "CONFIRMED", "FULFILLED", "CANCELLED");
		assertThat(jdbc.queryForList("select distinct status from contract", String.class))
			.contains("ACTIVE", "EXPIRED");
		LocalDate today = contracts.today();
		assertThat(jdbc.queryForObject("select count(*) from contract where status = 'ACTIVE' and end_date <= ?",
				Integer.class, today.plusDays(30))).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from sales_order where opportunity_id is not null",
				Integer.class)).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from sales_order where order_date > ?", Integer.class, today))
			.isZero();
	}

	@Test
	void everyDemoAccountThatBoughtHasLeftProspect() {
		// the lifecycle follows the purchases after their commits
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<String> stillProspects = jdbc.queryForList("select a.name from account a "
					+ "where a.lifecycle_stage = 'PROSPECT' and (exists (select 1 from sales_order o "
					+ "where o.account_id = a.id and o.status in ('CONFIRMED', 'FULFILLED')) "
					+ "or exists (select 1 from contract c where c.account_id = a.id and c.status = 'ACTIVE'))",
					String.class);
			assertThat(stillProspects).isEmpty();
		});
	}
}
