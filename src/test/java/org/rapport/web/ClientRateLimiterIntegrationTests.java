package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two limiters over one database stand for two nodes behind a load balancer; a controlled clock moves the window.
 */
@RapportModuleTest
class ClientRateLimiterIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	};

	ClientRateLimiter node() {
		return new ClientRateLimiter(jdbc, transactions, clock);
	}

	void advance(Duration duration) {
		now.set(now.get().plus(duration));
	}

	long rowsOf(RateLimit limit, String address) {
		return jdbc.sql("select count(*) from request_limit where limit_key = :key")
			.param("key", limit.name() + ":" + address)
			.query(Long.class)
			.single();
	}

	@Test
	void twoNodesOverOneDatabaseShareTheCountOfAnAddress() {
		ClientRateLimiter first = node();
		ClientRateLimiter second = node();
		RateLimit limit = RateLimit.perMinute(TestData.unique("form"), 3);
		String address = TestData.unique("10.1.1.1");

		assertThat(first.admit(limit, address)).isEmpty();
		assertThat(second.admit(limit, address)).isEmpty();
		assertThat(first.admit(limit, address)).isEmpty();

		assertThat(second.admit(limit, address)).as("the fourth post, on the other node").contains(Duration.ofMinutes(1));
		assertThat(first.admit(limit, address)).isPresent();
		assertThat(second.admit(limit, TestData.unique("10.2.2.2"))).as("another address").isEmpty();
		assertThat(second.admit(RateLimit.perMinute(TestData.unique("other-form"), 1), address))
			.as("another limit")
			.isEmpty();
	}

	@Test
	void anAddressMaySendThePermitsPerWindowThenWaitsUntilItsOldestRequestLeavesTheWindow() {
		ClientRateLimiter first = node();
		ClientRateLimiter second = node();
		RateLimit limit = RateLimit.perMinute(TestData.unique("form"), 3);
		String address = TestData.unique("10.3.3.3");

		assertThat(first.admit(limit, address)).isEmpty();
		advance(Duration.ofSeconds(20));
		assertThat(second.admit(limit, address)).isEmpty();
		assertThat(first.admit(limit, address)).isEmpty();

		assertThat(second.admit(limit, address)).contains(Duration.ofSeconds(40));
		advance(Duration.ofMillis(39_500));
		assertThat(first.admit(limit, address)).as("half a second is still a second to wait")
			.contains(Duration.ofSeconds(1));

		advance(Duration.ofMillis(500));
		assertThat(second.admit(limit, address)).as("the first post has left the window").isEmpty();
		assertThat(first.admit(limit, address)).contains(Duration.ofSeconds(20));
	}

	@Test
	void theCountsOfAnAddressWhoseWindowHasPassedAreRemoved() {
		RateLimit limit = RateLimit.perMinute(TestData.unique("form"), 5);
		String quiet = TestData.unique("10.4.4.4");
		String busy = TestData.unique("10.5.5.5");
		node().admit(limit, quiet);
		node().admit(limit, quiet);
		assertThat(rowsOf(limit, quiet)).isOne();

		advance(Duration.ofSeconds(61));
		node().admit(limit, busy);

		assertThat(rowsOf(limit, quiet)).isZero();
		assertThat(rowsOf(limit, busy)).isOne();
		assertThat(jdbc.sql("select count(*) from request_limit_hit where limit_key = :key")
			.param("key", limit.name() + ":" + quiet)
			.query(Long.class)
			.single()).isZero();
	}
}
