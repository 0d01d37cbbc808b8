package org.rapport.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first failed sign-ins of one account on several nodes at once are all counted: none of them ends in an error
 * because another node created the account's count a moment before.
 */
@RapportModuleTest
class LoginThrottleConcurrencyIntegrationTests {

	private static final int NODES = 8;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Test
	void simultaneousFirstFailuresOfOneAccountAreEachCountedOnce() throws Exception {
		for (int round = 0; round < 5; round++) {
			String key = LoginThrottle.accountKey(TestData.unique("racer"));
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService nodes = Executors.newFixedThreadPool(NODES);
			try {
				List<Future<?>> attempts = new ArrayList<>();
				for (int i = 0; i < NODES; i++) {
					attempts.add(nodes.submit(() -> {
						start.await();
						throttle.failed(List.of(key));
						return null;
					}));
				}
				start.countDown();
				for (Future<?> attempt : attempts) {
					attempt.get();
				}
			}
			finally {
				nodes.shutdownNow();
			}
			assertThat(jdbc.sql("select failures from login_throttle where throttle_key = :key")
				.param("key", key)
				.query(Integer.class)
				.single()).isEqualTo(NODES);
		}
	}
}
