package org.rapport.integration.internal;

import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportOutcome;
import org.rapport.integration.ImportRow;
import org.rapport.integration.ImportableKind;
import org.rapport.integration.ValueMap;
import org.rapport.integration.internal.ImportJob.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background, a batch at a time: each batch is written in its own transaction together with
 * the job's checkpoint, so that after a crash the job knows exactly which rows landed and resumes after them.
 * <p>
 * A job belongs to the node that runs it: the node's instance id is the job's worker, and its lease, renewed with
 * every batch and by a timer while the job waits or runs, says until when. Only a job whose lease has run out is
 * interrupted, by whichever node notices first; and a worker whose job is no longer its own (interrupted and resumed
 * elsewhere while this node was cut off) rolls its batch back and stops, so that no two workers write one job.
 */
@Component
class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ImportJobs jobs;
	private final RowReader reader;
	private final ImportKinds kinds;
	private final TransactionTemplate transactions;
	private final int batchSize;
	private final ExecutorService workers;
	private final String node;
	private final Clock clock;
	private final Duration lease;
	/** The jobs this node has queued or runs. */
	private final Set<UUID> active = ConcurrentHashMap.newKeySet();
	private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "import-leases");
		thread.setDaemon(true);
		return thread;
	});

	/** Called after each committed batch with its number; tests use it to stop a run the way a crash would. */
	private volatile IntConsumer afterBatch = batch -> {
	};

	@Autowired
	ImportRunner(ImportJobs jobs, RowReader reader, ImportKinds kinds,
			PlatformTransactionManager transactions, @Value("${rapport.imports.batch-size:1000}") int batchSize,
			@Value("${rapport.imports.workers:2}") int workers, @Value("${rapport.instance-id:}") String instanceId,
			@Value("${rapport.imports.lease:1m}") Duration lease) {
		// leases measure real time shared by every node, never the business clock, which may be set apart from it
		this(jobs, reader, kinds, transactions, batchSize, workers,
				instanceId.isBlank() ? InstanceId.generate() : instanceId, lease, Clock.systemUTC());
	}

	ImportRunner(ImportJobs jobs, RowReader reader, ImportKinds kinds,
			PlatformTransactionManager transactions, int batchSize, int workers, String node, Duration lease,
			Clock clock) {
		this.jobs = jobs;
		this.reader = reader;
		this.kinds = kinds;
		this.transactions = new TransactionTemplate(transactions);
		this.batchSize = batchSize;
		this.node = node;
		this.lease = lease;
		this.clock = clock;
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(workers, r -> {
			Thread thread = new Thread(r, "import-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	String node() {
		return node;
	}

	void afterBatch(IntConsumer hook) {
		this.afterBatch = hook == null ? batch -> {
		} : hook;
	}

	/**
	 * On start, jobs that lost their node are marked interrupted; then, a few times per lease, this node renews the
	 * leases of its jobs and looks for jobs other nodes left behind.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		markInterrupted();
		long period = Math.max(1, lease.toMillis() / 3);
		keeper.scheduleWithFixedDelay(this::keep, period, period, TimeUnit.MILLISECONDS);
	}

	/** What a start does: marks the jobs that lost their node as interrupted. */
	void markInterrupted() {
		interruptAbandoned();
	}

	/** Marks the jobs that no live worker holds as interrupted; how many. */
	int interruptAbandoned() {
		int interrupted = jobs.interruptAbandoned(node, active, clock.instant());
		if (interrupted > 0) {
			log.warn("{} import(s) lost the node that ran them; they may be resumed", interrupted);
		}
		return interrupted;
	}

	/** Renews this node's leases and interrupts jobs that lost theirs. */
	void keep() {
		try {
			jobs.renew(node, active, clock.instant().plus(lease));
			interruptAbandoned();
		}
		catch (RuntimeException e) {
			// without the database the leases run out, and the jobs' workers stop at their next batch
			log.warn("Could not renew the leases of imports: {}", e.getMessage());
		}
	}

	/** Queues the job for this node if it stands where the caller believes; whether it did. */
	boolean queue(UUID jobId, Set<Status> from) {
		active.add(jobId);
		if (jobs.queue(jobId, from, node, clock.instant().plus(lease))) {
			return true;
		}
		active.remove(jobId);
		return false;
	}

	/** Hands the queued job to a worker; it runs from its checkpoint on. */
	void submit(UUID jobId, Actor actor) {
		active.add(jobId);
		workers.submit(() -> {
			try {
				run(jobId, actor);
			}
			catch (Error crash) {
				log.error("Import {} stopped", jobId, crash);
			}
			finally {
				active.remove(jobId);
			}
		});
	}

	/** Runs the job from its checkpoint to the end of the file, in the calling thread, while it is this node's. */
	void run(UUID jobId, Actor actor) {
		active.add(jobId);
		try {
			if (!jobs.begin(jobId, node, clock.instant(), clock.instant().plus(lease))) {
				return;
			}
			runBatches(jobs.find(jobId).orElseThrow(), actor);
		}
		finally {
			active.remove(jobId);
		}
	}

	private void runBatches(ImportJob job, Actor actor) {
		UUID jobId = job.id();
		try {
			ImportableKind<?> kind = kinds.get(job.entity());
			ValueMap values = jobs.valueMap(jobId);
			RowReader.Owners owners = reader.owners();
			List<CsvSource.Row> batch = new ArrayList<>(batchSize);
			int[] batches = { 0 };
			Path file = Path.of(job.storedFile());
			// the rows of one record are written together: their batch goes on to the record's last row
			List<String> group = kind.groupedBy();
			job.source().forEachRow(job.lastLine(), row -> {
				if (!group.isEmpty() && batch.size() >= batchSize && !groupKey(job.mapping(), group, row.cells())
					.equals(groupKey(job.mapping(), group, batch.get(batch.size() - 1).cells()))) {
					commit(job, actor, kind, values, owners, batch);
					batch.clear();
					afterBatch.accept(++batches[0]);
				}
				batch.add(row);
				if (group.isEmpty() && batch.size() == batchSize) {
					commit(job, actor, kind, values, owners, batch);
					batch.clear();
					afterBatch.accept(++batches[0]);
				}
			});
			if (!batch.isEmpty()) {
				commit(job, actor, kind, values, owners, batch);
				afterBatch.accept(++batches[0]);
			}
			if (jobs.finish(jobId, node, clock.instant())) {
				Files.deleteIfExists(file);
			}
		}
		catch (NoLongerOwnJob lost) {
			log.warn("Import {} is no longer this node's ({}); its worker stops", jobId, node);
		}
		catch (Exception e) {
			log.warn("Import {} failed", jobId, e);
			try {
				jobs.fail(jobId, node,
						CsvSource.isUndecodable(e) ? "import.failure.encoding" : String.valueOf(e.getMessage()),
						clock.instant());
			}
			catch (RuntimeException unrecorded) {
				// no database: the job stands running until its lease runs out, then any node interrupts it
				log.warn("Could not record the failure of import {}: {}", jobId, unrecorded.getMessage());
			}
		}
	}

	/** The job was interrupted, and perhaps resumed by another node, while this one ran it. */
	static final class NoLongerOwnJob extends RuntimeException {

		NoLongerOwnJob(UUID job) {
			super("The import " + job + " is no longer this node's");
		}
	}

	/** The cells of the grouping columns in a row, together, by which the rows of one record are known. */
	private static List<String> groupKey(Map<Integer, String> mapping, List<String> group, List<String> cells) {
		List<String> key = new ArrayList<>(group.size());
		for (String field : group) {
			String value = "";
			for (Map.Entry<Integer, String> column : mapping.entrySet()) {
				if (field.equals(column.getValue())) {
					int index = column.getKey();
					String cell = index < cells.size() ? cells.get(index) : null;
					value = cell == null ? "" : cell.strip();
				}
			}
			key.add(value);
		}
		return key;
	}

	private void commit(ImportJob job, Actor actor, ImportableKind<?> kind, ValueMap values, RowReader.Owners owners,
			List<CsvSource.Row> batch) {
		transactions.executeWithoutResult(status -> {
			jobs.setUpBatch();
			ImportBatch of = reader.batch(actor, kind, job, values);
			List<ImportRow> rows = reader.read(of, job.mapping(), batch, owners);
			List<ImportRow> valid = new ArrayList<>(rows.size());
			List<ImportRow> rejected = new ArrayList<>();
			rows.forEach(row -> (row.isValid() ? valid : rejected).add(row));
			ImportOutcome outcome = kind.write(of, valid, job.duplicateMode(), job.matchBy());
			rejected.addAll(outcome.rejected());
			jobs.recordCreated(job.id(), outcome.created());
			jobs.recordUpdated(job.id(), outcome.updated());
			jobs.reject(job.id(), rejected);
			jobs.notice(job.id(), noticed(valid, outcome.rejected()));
			// rows, not records: the rows of an order make one order
			int createdRows = valid.size() - outcome.updatedRows() - outcome.skipped() - outcome.rejected().size()
					- outcome.unchanged();
			if (!jobs.checkpoint(job.id(), node, clock.instant().plus(lease), batch.get(batch.size() - 1).line(),
					createdRows, outcome.updatedRows(), outcome.skipped(), rejected.size(), outcome.unchanged())) {
				throw new NoLongerOwnJob(job.id());
			}
		});
	}

	/** The stored rows that went without a value of the file. */
	private static List<ImportRow> noticed(List<ImportRow> valid, List<ImportRow> rejected) {
		Set<ImportRow> refused = Collections.newSetFromMap(new IdentityHashMap<>());
		refused.addAll(rejected);
		return valid.stream().filter(row -> row.hasNotices() && !refused.contains(row)).toList();
	}

	@PreDestroy
	void stop() {
		keeper.shutdownNow();
		workers.shutdownNow();
	}
}
