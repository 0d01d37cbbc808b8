package org.rapport.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Limits how many requests one client address may send within a window, for every node that shares the database:
 * a request is admitted while fewer than the limit's permits were admitted for that address within the window
 * before it, else the client waits until the oldest of them leaves the window. Public forms use it against floods.
 * <p>
 * The counts live in the tables {@code request_limit} (one row per limit and address, locked while a request is
 * admitted, so that two nodes never both admit the last permit) and {@code request_limit_hit} (the admitted requests
 * within the window). Keys whose window has passed are removed, so the tables hold only the last window's traffic.
 * The window is elapsed time read from the application's {@link Clock} (the system clock in production),
 * as the other time rules are; nodes keep their clocks in step.
 */
@Component
public class ClientRateLimiter {

	/** How often one node removes the keys whose window has passed. */
	static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private static final int MAX_KEY_LENGTH = 300;

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

	@Autowired
	ClientRateLimiter(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Counts a request of the client address under the limit; empty when it may go on, else how long the client
	 * must wait (whole seconds, at least one, as {@code Retry-After} gives it).
	 */
	public Optional<Duration> admit(RateLimit limit, String address) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String key = key(limit, address);
		Optional<Duration> wait;
		try {
			wait = transaction.execute(status -> admit(key, limit, now));
		}
		catch (DuplicateKeyException anotherNodeCreatedTheKey) {
			// That node holds the key's row now; this transaction waits for it and counts after it.
			wait = transaction.execute(status -> admit(key, limit, now));
		}
		purgeIfDue(now);
		return wait;
	}

	private Optional<Duration> admit(String key, RateLimit limit, Instant now) {
		lock(key, now);
		Instant windowStart = now.minus(limit.window());
		jdbc.sql("delete from request_limit_hit where limit_key = :key and hit_at <= :start")
			.param("key", key)
			.param("start", Timestamp.from(windowStart))
			.update();
		Hits hits = jdbc.sql("select count(*), min(hit_at) from request_limit_hit where limit_key = :key")
			.param("key", key)
			.query((row, number) -> new Hits(row.getLong(1), row.getTimestamp(2)))
			.single();
		if (hits.count() >= limit.permits()) {
			long waitMillis = hits.oldest().toInstant().plus(limit.window()).toEpochMilli() - now.toEpochMilli();
			return Optional.of(Duration.ofSeconds(Math.max(1, (waitMillis + 999) / 1000)));
		}
		jdbc.sql("insert into request_limit_hit (limit_key, hit_at) values (:key, :now)")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("update request_limit set expires_at = :expires where limit_key = :key")
			.param("expires", Timestamp.from(now.plus(limit.window())))
			.param("key", key)
			.update();
		return Optional.empty();
	}

	/** Locks the key's row for this transaction, creating it if it is new. */
	private void lock(String key, Instant now) {
		boolean exists = jdbc.sql("select limit_key from request_limit where limit_key = :key for update")
			.param("key", key)
			.query(String.class)
			.optional()
			.isPresent();
		if (exists) {
			return;
		}
		jdbc.sql("insert into request_limit (limit_key, expires_at) values (:key, :now)")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.update();
	}

	private void purgeIfDue(Instant now) {
		Instant due = nextPurge.get();
		if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
			return;
		}
		transaction.executeWithoutResult(status -> jdbc.sql("delete from request_limit where expires_at <= :now")
			.param("now", Timestamp.from(now))
			.update());
	}

	private record Hits(long count, Timestamp oldest) {
	}

	private static String key(RateLimit limit, String address) {
		String key = limit.name() + ":" + (address == null ? "unknown" : address);
		return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
	}
}
