package org.rapport.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down guessing: after a number of failed sign-ins for one account or from one client address, each further
 * attempt must wait 1, 2, 4… seconds up to a cap. Nobody is locked out, so a stranger cannot keep a user from
 * signing in for longer than the cap. The counts live in the database so that they hold across every node.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcClient jdbc;
	private final SecurityProperties properties;
	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	static String accountKey(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
		return "account:" + (name.length() > 200 ? name.substring(0, 200) : name);
	}

	static String addressKey(String address) {
		String value = address == null ? "unknown" : address;
		return "address:" + (value.length() > 200 ? value.substring(0, 200) : value);
	}

	/** Whether any of the keys must still wait before its next attempt. */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
	public boolean mustWait(Collection<String> keys) {
		Instant now = now();
		return jdbc.sql("select count(*) from login_throttle where throttle_key in (:keys) and blocked_until > :now")
			.param("keys", keys)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
	}

	/** Counts a failed attempt for each key and sets how long its next attempt must wait. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(Collection<String> keys) {
		Instant now = now();
		for (String key : keys) {
			int failures = countFailure(key, now);
			Optional<Duration> delay = delayAfter(failures);
			jdbc.sql("update login_throttle set blocked_until = :until where throttle_key = :key")
				.param("until", delay.map(d -> Timestamp.from(now.plus(d))).orElse(null))
				.param("key", key)
				.update();
			if (failures == properties.getMaxFailedLogins()) {
				log.warn("Sign-in attempts for {} are slowed down after {} failures", key, failures);
			}
		}
	}

	/** Forgets an account's failures once it signed in, and every count that has lain still for long. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String accountKey) {
		jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", accountKey).update();
		jdbc.sql("delete from login_throttle where last_failure_at < :before")
			.param("before", Timestamp.from(now().minus(properties.getForgetFailuresAfter())))
			.update();
	}

	private int countFailure(String key, Instant now) {
		// a first failure of two nodes at once: one inserts, the other finds the row (no error that would end the
		// transaction), and the lock below orders the two counts
		jdbc.sql("insert into login_throttle (throttle_key, failures, last_failure_at) values (:key, 0, :now) "
				+ "on conflict do nothing")
			.param("key", key)
			.param("now", Timestamp.from(now))
			.update();
		Optional<Instant> last = jdbc.sql("select last_failure_at from login_throttle where throttle_key = :key for update")
			.param("key", key)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
		if (last.isEmpty()) {
			// forgotten by a successful sign-in meanwhile: count this failure afresh
			return countFailure(key, now);
		}
		boolean forgotten = last.get().isBefore(now.minus(properties.getForgetFailuresAfter()));
		jdbc.sql("update login_throttle set failures = " + (forgotten ? "1" : "failures + 1")
				+ ", last_failure_at = :now where throttle_key = :key")
			.param("now", Timestamp.from(now))
			.param("key", key)
			.update();
		return jdbc.sql("select failures from login_throttle where throttle_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
	}

	/**
	 * The time in whole milliseconds, which the database keeps exactly: a wait ending at 10:00:01.0000006 would be
	 * stored rounded up to 10:00:01.000001 and still be running at 10:00:01.0000006.
	 */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** No wait below the allowed failures; from there 1, 2, 4… seconds, at most the cap. */
	Optional<Duration> delayAfter(int failures) {
		int allowed = Math.max(properties.getMaxFailedLogins(), 1);
		if (failures < allowed) {
			return Optional.empty();
		}
		int doublings = Math.min(failures - allowed, 30);
		Duration delay = properties.getFirstDelay().multipliedBy(1L << doublings);
		Duration cap = properties.getMaxDelay();
		return Optional.of(delay.compareTo(cap) > 0 ? cap : delay);
	}
}
