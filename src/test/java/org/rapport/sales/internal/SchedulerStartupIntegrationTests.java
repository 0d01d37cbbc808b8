package org.rapport.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

@RapportTest
@TestPropertySource(properties = "rapport.scheduler.enabled=true")
// Closes the context afterwards, so that its scheduler does not keep polling while the other tests run.
@DirtiesContext
class SchedulerStartupIntegrationTests {

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theStartedSchedulerPlansTheNightlyCalendarAtOneInTheMorningUtc() {
		assertThat(scheduler).isNotNull();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForList(
				"select execution_time from scheduled_tasks where task_name = ? and task_instance = 'recurring'",
				java.time.OffsetDateTime.class, CommerceScheduling.CONTRACT_CALENDAR))
			.singleElement()
			.satisfies(next -> assertThat(next.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalTime())
				.isEqualTo(java.time.LocalTime.of(1, 0))));
	}
}
