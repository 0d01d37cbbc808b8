package org.rapport.search;

import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Waits in a test until the search index has taken every change saved so far. A record saved through the entity
 * manager reaches the index through the outbox: the processor indexes the changes that the outbox names, commits the
 * index and only then deletes them from the outbox. The records that an import writes in bulk are named to the outbox
 * by a listener that runs after the import's batch commits, on the application's task executor. So once that
 * executor is idle and the outbox holds no pending change, the next search sees every change committed before.
 * A change that failed to index leaves the outbox as aborted; the search after the wait does not find it, and the
 * test fails as it should.
 */
public class Indexing {

	/** How long indexing may take, far beyond its usual tenth of a second on a busy test machine. */
	static final Duration PATIENCE = Duration.ofSeconds(30);

	private final JdbcTemplate jdbc;
	private final String outbox;
	private final ThreadPoolTaskExecutor listeners;

	public Indexing(JdbcTemplate jdbc, String outbox, ThreadPoolTaskExecutor listeners) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.listeners = listeners;
	}

	/** Returns once the index has taken every change committed before the call; fails after {@link #PATIENCE}. */
	public void settle() {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (true) {
			// The listeners first: one that finishes has written its changes to the outbox in its own commit.
			int listening = listening();
			long waiting = waiting();
			if (listening == 0 && waiting == 0) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The search index has not taken the saved changes within "
						+ PATIENCE.toSeconds() + " s: " + waiting + " changes wait in the outbox and " + listening
						+ " listeners run");
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for the search index", e);
			}
		}
	}

	/** The changes that the outbox holds for the index, not counting those given up as aborted. */
	long waiting() {
		Long count = jdbc.queryForObject("select count(*) from " + outbox + " where status = 'PENDING'", Long.class);
		return count == null ? 0 : count;
	}

	private int listening() {
		if (listeners == null) {
			return 0;
		}
		return listeners.getActiveCount() + listeners.getQueueSize();
	}
}
