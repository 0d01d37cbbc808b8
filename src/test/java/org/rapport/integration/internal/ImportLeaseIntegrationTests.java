package org.rapport.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestClock;
import org.rapport.TestData;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.MatchBy;
import org.rapport.integration.internal.ImportJob.Status;
import org.rapport.shared.ConflictingChange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * An import belongs to the node that runs it, for as long as its lease lasts: two nodes share one database here, each
 * with its own instance id and the same controlled clock.
 */
@RapportTest
class ImportLeaseIntegrationTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@Autowired
	Imports imports;

	@Autowired
	ImportJobs jobs;

	@Autowired
	RowReader reader;

	@Autowired
	ImportKinds kinds;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	/** Starts at the real time, which the application's own node goes by, so that it sees the same leases. */
	final TestClock clock = new TestClock(Instant.now());

	@Test
	void startingANodeInterruptsOnlyTheJobsWhoseLeaseRanOut() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		ImportRunner a = node("a");
		ImportRunner b = node("b");
		ImportJob held = queued(a, actor, accounts(1));
		ImportJob abandoned = queued(b, actor, accounts(1));
		clock.advance(Duration.ofSeconds(50));
		a.keep();
		clock.advance(Duration.ofSeconds(20));

		node("c").markInterrupted();

		assertThat(jobs.find(held.id()).orElseThrow().status()).isEqualTo(Status.QUEUED);
		assertThat(jobs.find(abandoned.id()).orElseThrow().status()).isEqualTo(Status.INTERRUPTED);
	}

	@Test
	void aWorkerWhoseJobWasResumedElsewhereStopsAtItsNextBatchAndNoRowIsWrittenTwice() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		String tag = TestData.unique("Lease");
		ImportRunner a = node("a");
		ImportRunner b = node("b");
		ImportJob job = queued(a, actor, accounts(tag, 4));
		// node a stalls after its first batch (cut off from the database, paused) until its lease has run out; node b
		// interrupts the job, its owner resumes it there
		a.afterBatch(batch -> {
			if (batch == 1) {
				clock.advance(LEASE.plusSeconds(1));
				b.markInterrupted();
				assertThat(b.queue(job.id(), Set.of(Status.INTERRUPTED))).isTrue();
			}
		});

		a.run(job.id(), actor);

		ImportJob handedOver = jobs.find(job.id()).orElseThrow();
		assertThat(handedOver.status()).isEqualTo(Status.QUEUED);
		assertThat(handedOver.worker()).isEqualTo("b");
		assertThat(handedOver.processedRows()).as("a's second batch rolled back").isEqualTo(1);
		assertThat(accountsTagged(tag)).isEqualTo(1);

		b.run(job.id(), actor);

		ImportJob done = jobs.find(job.id()).orElseThrow();
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(done.createdRows()).isEqualTo(4);
		assertThat(accountsTagged(tag)).isEqualTo(4);
	}

	@Test
	void aResumeIsRefusedWhileAnotherNodeHoldsTheJobAndAcceptedOnceItsLeaseRanOut() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		ImportJob job = ImportRuns.upload(imports, actor, "accounts", accounts(2), DuplicateMode.SKIP,
				MatchBy.NAME);
		// the Spring node runs on the system clock: node a's lease is real time
		ImportRunner a = new ImportRunner(jobs, reader, kinds, transactions, 1, 1, "a", LEASE, Clock.systemUTC());
		assertThat(a.queue(job.id(), Set.of(Status.DRAFT))).isTrue();
		jdbc.update("update import_job set status = 'RUNNING' where id = ?", job.id());

		assertThatThrownBy(() -> imports.resume(actor, job.id())).isInstanceOf(ConflictingChange.class);
		assertThat(jobs.find(job.id()).orElseThrow().worker()).isEqualTo("a");

		jdbc.update("update import_job set lease_until = ? where id = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(1)), job.id());
		imports.resume(actor, job.id());

		ImportJob done = ImportRuns.awaitFinished(imports, actor, job.id());
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(done.worker()).isNotEqualTo("a");
	}

	@Test
	void aJobWhoseFailureCouldNotBeWrittenIsInterruptedOnceItsLeaseRunsOut() {
		Actor actor = data.actor(data.user(data.team(), Role.SALES));
		ImportRunner a = node("a");
		ImportJob job = queued(a, actor, accounts(2));
		// the worker died without a word, its failure unwritten: the job stands running
		jdbc.update("update import_job set status = 'RUNNING' where id = ?", job.id());

		node("a").keep();
		assertThat(jobs.find(job.id()).orElseThrow().status())
			.as("a started again under its instance id runs no such job").isEqualTo(Status.INTERRUPTED);

		ImportJob other = queued(a, actor, accounts(2));
		jdbc.update("update import_job set status = 'RUNNING' where id = ?", other.id());
		ImportRunner b = node("b");
		b.keep();
		assertThat(jobs.find(other.id()).orElseThrow().status()).isEqualTo(Status.RUNNING);
		clock.advance(LEASE.plusSeconds(1));
		b.keep();
		assertThat(jobs.find(other.id()).orElseThrow().status()).isEqualTo(Status.INTERRUPTED);
	}

	private ImportRunner node(String id) {
		return new ImportRunner(jobs, reader, kinds, transactions, 1, 1, id, LEASE, clock);
	}

	private ImportJob queued(ImportRunner node, Actor actor, String file) {
		ImportJob job = ImportRuns.upload(imports, actor, "accounts", file, DuplicateMode.SKIP, MatchBy.NAME);
		assertThat(node.queue(job.id(), Set.of(Status.DRAFT))).isTrue();
		return jobs.find(job.id()).orElseThrow();
	}

	private static String accounts(int rows) {
		return accounts(TestData.unique("Lease"), rows);
	}

	private static String accounts(String tag, int rows) {
		StringBuilder file = new StringBuilder("Account Name\n");
		for (int i = 0; i < rows; i++) {
			file.append(tag).append(" Account ").append(i).append('\n');
		}
		return file.toString();
	}

	private int accountsTagged(String tag) {
		return jdbc.queryForObject("select count(*) from account where name like ?", Integer.class, tag + " Account %");
	}
}
