package org.rapport.search.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Builds the search index anew from the database, in the background: on an administrator's command, at start
 * when {@code rapport.search.rebuild=true}, at start when the index is empty but the database is not, and at start
 * when the index in its folder was built with other fields than this version gives it ({@link IndexedFields}) or
 * its last rebuild was cut short. Records saved meanwhile wait in the outbox: its processor pauses while a rebuild
 * runs, so that the two never write the same record at once, and indexes them once the rebuild has ended.
 */
@Service
@EnableConfigurationProperties(SearchProperties.class)
public class SearchIndex {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	/** Where a rebuild stands. */
	public enum State {
		IDLE, RUNNING, DONE, FAILED
	}

	/**
	 * A rebuild as it stood at {@code asOf}: when it started and ended, how many records it indexed of how many, and
	 * why it failed.
	 */
	public record Rebuild(State state, String reason, Instant startedAt, Instant finishedAt, long indexed, long total,
			String failure, Instant asOf) {

		static final Rebuild NONE = new Rebuild(State.IDLE, null, null, null, 0, 0, null, null);

		public boolean running() {
			return state == State.RUNNING;
		}

		/** Seconds it took, or had taken by {@code asOf}. */
		public Long seconds() {
			if (startedAt == null) {
				return null;
			}
			return Duration.between(startedAt, finishedAt == null ? asOf : finishedAt).toSeconds();
		}
	}

	private final EntityManagerFactory entityManagerFactory;
	private final SearchableKinds kinds;
	private final SearchProperties properties;
	private final AtomicReference<Rebuild> current = new AtomicReference<>(Rebuild.NONE);
	private final AtomicLong indexed = new AtomicLong();
	private final AtomicLong total = new AtomicLong();
	private final IndexedFields indexedFields;
	private final Clock clock;

	SearchIndex(EntityManagerFactory entityManagerFactory, SearchableKinds kinds, SearchProperties properties,
			IndexedFields indexedFields, Clock clock) {
		this.entityManagerFactory = entityManagerFactory;
		this.kinds = kinds;
		this.properties = properties;
		this.indexedFields = indexedFields;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (properties.rebuild()) {
			start("rapport.search.rebuild=true");
		}
		else if (properties.buildWhenEmpty()) {
			buildIfNeeded();
		}
	}

	/**
	 * Starts a rebuild when the index holds nothing but the database holds records, as on a new index folder or
	 * after an upgrade from a version without search, or when the index in its folder does not hold the fields that
	 * this version gives each record, as after an upgrade that added one or after a rebuild cut short by a stop;
	 * answers whether it did.
	 */
	public boolean buildIfNeeded() {
		String fields = IndexedFields.fingerprint(Search.mapping(entityManagerFactory));
		if (isEmpty()) {
			if (databaseHasRecords()) {
				start("index empty");
				return true;
			}
			// nothing is indexed yet, so whatever is saved from now on is indexed with these fields
			indexedFields.store(fields);
			return false;
		}
		if (indexedFields.kept() && !indexedFields.stored().filter(fields::equals).isPresent()) {
			start("index fields changed");
			return true;
		}
		return false;
	}

	/** The last or the running rebuild, with its progress. */
	public Rebuild status() {
		Rebuild rebuild = current.get();
		if (rebuild.running()) {
			return new Rebuild(rebuild.state(), rebuild.reason(), rebuild.startedAt(), null, indexed.get(), total.get(),
					null, clock.instant());
		}
		return rebuild;
	}

	/**
	 * Starts rebuilding the index in the background unless a rebuild is running already; either way answers the
	 * rebuild that runs.
	 */
	public synchronized Rebuild start(String reason) {
		Rebuild running = current.get();
		if (running.running()) {
			return status();
		}
		indexed.set(0);
		total.set(0);
		String fields = IndexedFields.fingerprint(Search.mapping(entityManagerFactory));
		indexedFields.forget();
		Instant started = clock.instant();
		current.set(new Rebuild(State.RUNNING, reason, started, null, 0, 0, null, started));
		log.info("Rebuilding the search index ({}), {} loading threads, batches of {}", reason,
				properties.loadingThreads(), properties.batchSize());
		CompletableFuture<?> done;
		try {
			done = Search.mapping(entityManagerFactory)
				.scope(Object.class, kinds.entityNames())
				.massIndexer()
				.threadsToLoadObjects(properties.loadingThreads())
				.batchSizeToLoadObjects(properties.batchSize())
				.idFetchSize(properties.batchSize() * 10)
				.monitor(new Progress())
				.start()
				.toCompletableFuture();
		}
		catch (RuntimeException e) {
			finish(reason, started, e);
			throw e;
		}
		done.whenComplete((ignored, failure) -> {
			if (failure == null) {
				indexedFields.store(fields);
			}
			finish(reason, started, failure);
		});
		return status();
	}

	private void finish(String reason, Instant started, Throwable failure) {
		Instant finished = clock.instant();
		if (failure == null) {
			log.info("Search index rebuilt: {} records in {} s", indexed.get(),
					Duration.between(started, finished).toSeconds());
			current.set(new Rebuild(State.DONE, reason, started, finished, indexed.get(), total.get(), null, finished));
		}
		else {
			log.error("Rebuilding the search index failed", failure);
			current.set(new Rebuild(State.FAILED, reason, started, finished, indexed.get(), total.get(),
					String.valueOf(failure.getMessage()), finished));
		}
	}

	/** Whether the index holds no document at all. */
	public boolean isEmpty() {
		try (EntityManager em = entityManagerFactory.createEntityManager()) {
			var session = Search.session(em);
			return session.search(session.scope(Object.class, kinds.entityNames()))
				.where(f -> f.matchAll())
				.fetchTotalHitCount() == 0;
		}
	}

	private boolean databaseHasRecords() {
		try (EntityManager em = entityManagerFactory.createEntityManager()) {
			for (String entity : kinds.entityNames()) {
				if (!em.createQuery("select 1 from " + entity).setMaxResults(1).getResultList().isEmpty()) {
					return true;
				}
			}
			return false;
		}
	}

	/** Counts what the mass indexer has done, for the status page and the log. */
	private final class Progress implements MassIndexingMonitor {

		@Override
		public void documentsAdded(long increment) {
			long before = indexed.getAndAdd(increment);
			long after = before + increment;
			if (after / 100_000 > before / 100_000) {
				log.info("Search index rebuild: {} of {} records", after, total.get());
			}
		}

		@Override
		public void documentsBuilt(long increment) {
		}

		@Override
		public void entitiesLoaded(long increment) {
		}

		@Override
		public void addToTotalCount(long increment) {
			total.addAndGet(increment);
		}

		@Override
		public void indexingCompleted() {
		}
	}
}
