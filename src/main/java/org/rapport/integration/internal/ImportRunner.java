package org.rapport.integration.internal;

import jakarta.annotation.PreDestroy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.rapport.identity.Actor;
import org.rapport.integration.internal.ImportJob.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background, a batch at a time: each batch is written in its own transaction together with
 * the job's checkpoint, so that after a crash the job knows exactly which rows landed and resumes after them.
 */
@Component
class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ImportJobs jobs;
	private final RowConverter converter;
	private final Map<ImportEntity, RecordWriter<?>> writers = new java.util.EnumMap<>(ImportEntity.class);
	private final TransactionTemplate transactions;
	private final int batchSize;
	private final ExecutorService workers;

	/** Called after each committed batch with its number; tests use it to stop a run the way a crash would. */
	private volatile IntConsumer afterBatch = batch -> {
	};

	ImportRunner(ImportJobs jobs, RowConverter converter, List<RecordWriter<?>> writers,
			PlatformTransactionManager transactions, @Value("${rapport.imports.batch-size:1000}") int batchSize,
			@Value("${rapport.imports.workers:2}") int workers) {
		this.jobs = jobs;
		this.converter = converter;
		writers.forEach(w -> this.writers.put(w.entity(), w));
		this.transactions = new TransactionTemplate(transactions);
		this.batchSize = batchSize;
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(workers, r -> {
			Thread thread = new Thread(r, "import-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	RecordWriter<?> writer(ImportEntity entity) {
		return writers.get(entity);
	}

	void afterBatch(IntConsumer hook) {
		this.afterBatch = hook == null ? batch -> {
		} : hook;
	}

	/** On start, jobs that were running when the application stopped are marked interrupted. */
	@EventListener(ApplicationReadyEvent.class)
	void markInterrupted() {
		int interrupted = jobs.interruptRunning();
		if (interrupted > 0) {
			log.warn("{} import(s) were running when the application stopped; they may be resumed", interrupted);
		}
	}

	/** Queues the job; a worker runs it from its checkpoint on. */
	void submit(UUID jobId, Actor actor) {
		workers.submit(() -> {
			try {
				run(jobId, actor);
			}
			catch (Error crash) {
				log.error("Import {} stopped", jobId, crash);
			}
		});
	}

	/** Runs the job from its checkpoint to the end of the file, in the calling thread. */
	void run(UUID jobId, Actor actor) {
		if (!jobs.move(jobId, Set.of(Status.QUEUED), Status.RUNNING)) {
			return;
		}
		ImportJob job = jobs.find(jobId).orElseThrow();
		try {
			RecordWriter<?> writer = writers.get(job.entity());
			RowConverter.Owners owners = converter.owners(actor);
			List<CsvSource.Row> batch = new ArrayList<>(batchSize);
			int[] batches = { 0 };
			Path file = Path.of(job.storedFile());
			// the lines of one order are written together: its batch goes on to the order's last row
			boolean byOrder = job.entity() == ImportEntity.ORDERS;
			CsvSource.forEachRow(file, job.delimiter(), job.lastLine(), row -> {
				if (byOrder && batch.size() >= batchSize && !OrderWriter.orderKey(job.mapping(), row.cells())
					.equals(OrderWriter.orderKey(job.mapping(), batch.get(batch.size() - 1).cells()))) {
					commit(job, actor, writer, owners, batch);
					batch.clear();
					afterBatch.accept(++batches[0]);
				}
				batch.add(row);
				if (!byOrder && batch.size() == batchSize) {
					commit(job, actor, writer, owners, batch);
					batch.clear();
					afterBatch.accept(++batches[0]);
				}
			});
			if (!batch.isEmpty()) {
				commit(job, actor, writer, owners, batch);
				afterBatch.accept(++batches[0]);
			}
			jobs.move(jobId, Set.of(Status.RUNNING), Status.DONE);
			Files.deleteIfExists(file);
		}
		catch (Exception e) {
			log.warn("Import {} failed", jobId, e);
			jobs.fail(jobId, CsvSource.isNotUtf8(e) ? "import.error.encoding" : String.valueOf(e.getMessage()));
		}
	}

	private void commit(ImportJob job, Actor actor, RecordWriter<?> writer, RowConverter.Owners owners,
			List<CsvSource.Row> batch) {
		transactions.executeWithoutResult(status -> {
			jobs.setUpBatch();
			List<ConvertedRow> rows = converter.convert(actor, job.entity(), job.mapping(), job.decimalMark(), batch, owners);
			List<ConvertedRow> valid = new ArrayList<>(rows.size());
			List<ConvertedRow> rejected = new ArrayList<>();
			rows.forEach(row -> (row.isValid() ? valid : rejected).add(row));
			RecordWriter.Outcome outcome = writer.write(actor, valid, job.duplicateMode(), job.matchBy(), converter);
			rejected.addAll(outcome.rejected());
			jobs.recordCreated(job.id(), outcome.created());
			jobs.recordUpdated(job.id(), outcome.updated());
			jobs.reject(job.id(), rejected);
			// rows, not records: the rows of an order make one order
			int createdRows = valid.size() - outcome.updated().size() - outcome.skipped() - outcome.rejected().size();
			jobs.checkpoint(job.id(), batch.get(batch.size() - 1).line(), createdRows, outcome.updated().size(),
					outcome.skipped(), rejected.size());
		});
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}
}
