package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import dates its job, and the records it creates and updates, by the application's clock, as the pages and the
 * API date theirs. Its lease and the publication of its events follow the system clock: they measure real time.
 */
@RapportTest
@Import(TestClock.Setup.class)
class ImportTimesIntegrationTests {

	static final Instant IMPORTED = Instant.parse("2026-07-01T06:00:00Z");

	@Autowired
	Imports imports;

	@Autowired
	TestData data;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void stopTheClock() {
		clock.setTo(IMPORTED);
	}

	@Test
	void recordsImportedAndUpdatedByALaterImportCarryTheTimesOfTheClock() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String name = TestData.unique("Imported");

		ImportJob first = ImportRuns.run(imports, actor, "accounts", "Account Name\n" + name + "\n",
				DuplicateMode.SKIP, MatchBy.NAME);

		assertThat(first.status()).isEqualTo(Status.DONE);
		assertThat(first.createdAt()).isEqualTo(IMPORTED);
		assertThat(timesOf(name)).containsExactly(IMPORTED, IMPORTED);

		clock.advance(Duration.ofHours(3));
		ImportJob second = ImportRuns.run(imports, actor, "accounts",
				"Account Name,Website\n" + name + ",example.org\n", DuplicateMode.UPDATE, MatchBy.NAME);

		assertThat(second.updatedRows()).isEqualTo(1);
		assertThat(timesOf(name)).containsExactly(IMPORTED, IMPORTED.plus(Duration.ofHours(3)));
	}

	@Test
	void theEventsOfAnImportArePublishedOnTheSystemClockWhichTheResubmitterGoesBy() {
		Instant started = Instant.now().minusSeconds(1);
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String name = TestData.unique("Published");

		ImportRuns.run(imports, actor, "accounts", "Account Name\n" + name + "\n", DuplicateMode.SKIP,
				MatchBy.NAME);

		String account = jdbc.queryForObject("select id from account where name = ?", String.class, name);
		Instant published = jdbc.queryForObject("select max(publication_date) from event_publication "
				+ "where event_type like '%AccountsImported' and serialized_event like ?", OffsetDateTime.class,
				"%" + account + "%").toInstant();
		assertThat(published).isAfterOrEqualTo(started).isBeforeOrEqualTo(Instant.now());
	}

	/** When the account was created and last updated. */
	private List<Instant> timesOf(String name) {
		return jdbc.queryForObject("select created_at, updated_at from account where name = ?",
				(rs, row) -> List.of(rs.getObject(1, OffsetDateTime.class).toInstant(),
						rs.getObject(2, OffsetDateTime.class).toInstant()),
				name);
	}
}
