package org.rapport;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements that one thread prepares, for the tests that keep a page to a fixed number of queries.
 * Hibernate's statistics count every session of the factory, so the search's outbox processor, which polls in the
 * background, would add its statements to a page's at random; a MockMvc request runs on the test's own thread, and
 * this counts that thread's alone. The {@code test} profile installs it as Hibernate's statement inspector.
 */
public final class Statements implements StatementInspector {

	private static final ThreadLocal<long[]> PREPARED = ThreadLocal.withInitial(() -> new long[1]);

	/** Work that may throw, such as a MockMvc request. */
	@FunctionalInterface
	public interface Work {

		void run() throws Exception;
	}

	/** The statements that the work prepares on the calling thread. */
	public static long preparedBy(Work work) throws Exception {
		long before = PREPARED.get()[0];
		work.run();
		return PREPARED.get()[0] - before;
	}

	@Override
	public String inspect(String sql) {
		PREPARED.get()[0]++;
		return sql;
	}
}
