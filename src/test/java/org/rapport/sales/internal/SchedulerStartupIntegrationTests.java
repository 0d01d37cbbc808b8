package org.rapport.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
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

	@Autowired
	SchedulerName schedulerName;

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

	@Test
	void theSchedulerRegistersUnderItsHostNameAndPortSoThatTwoNodesOnOneHostDiffer() {
		String host = new SchedulerName.Hostname().getName();
		assertThat(schedulerName.getName()).startsWith(host + ":").isNotEqualTo(host);
	}

	@Test
	void twoNodesOnOneHostTakeDifferentNames() {
		assertThat(CommerceScheduling.instanceName("node", 8080, 11)).isEqualTo("node:8080");
		assertThat(CommerceScheduling.instanceName("node", 8081, 11)).isNotEqualTo("node:8080");
		assertThat(CommerceScheduling.instanceName("node", 0, 11))
			.isNotEqualTo(CommerceScheduling.instanceName("node", 0, 12));
	}

	@Test
	void theSchedulerTakesTheNodesInstanceIdWhenOneIsSet() {
		org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
			.withProperty("rapport.instance-id", "node-a")
			.withProperty("server.port", "8080");
		assertThat(new CommerceScheduling().schedulerName(environment).getName()).isEqualTo("node-a");
	}
}
