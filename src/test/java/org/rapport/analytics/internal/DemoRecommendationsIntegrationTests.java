package org.rapport.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.analytics.internal.AnalyticsRuns.Run;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the first start with demo data the recommendations are queued and, once run, find what the demo's customers buy
 * together: the model beats the most popular products on each account's latest orders, and the accounts that bought
 * get recommendations.
 */
@SpringBootTest
@ActiveProfiles({ "test", "demo" })
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:rapport_demo_recommendations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.datasource.password=", "rapport.demo.accounts=80" })
// Closes the context afterwards: its database and demo data are its own.
@DirtiesContext
class DemoRecommendationsIntegrationTests {

	@Autowired
	AnalyticsRuns runs;

	@Autowired
	AnalyticsJobs jobs;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void theDemoQueuesTheRecommendationsWhichBeatTheMostPopularProducts() {
		List<Run> queued = runs.latest(AnalyticsModel.RECOMMENDATIONS, 1);
		assertThat(queued).as("queued on the first start").hasSize(1);
		jobs.sweep();
		Run done = runs.latest(AnalyticsModel.RECOMMENDATIONS, 1).get(0);
		assertThat(done.status()).as(done.error()).isEqualTo("DONE");
		JsonNode figures = json.readTree(done.figures());
		assertThat(figures.path("products").asInt()).isGreaterThan(10);
		assertThat(figures.path("recommended").asInt()).isPositive();
		JsonNode evaluation = figures.path("evaluation");
		assertThat(evaluation.path("users").asInt()).isPositive();
		assertThat(evaluation.path("model").path("precisionAtK").asDouble())
			.isGreaterThan(evaluation.path("mostPopular").path("precisionAtK").asDouble());
		assertThat(jdbc.queryForObject("select count(*) from product_pairing", Integer.class)).isPositive();
	}
}
