package org.rapport.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.identity.Role;

class UserTests {

	final Instant now = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void theFifthFailedSignInInARowLocksTheUserForTheLockoutPeriod() {
		User user = aUser();
		for (int i = 0; i < 4; i++) {
			user.recordFailedLogin(5, Duration.ofMinutes(15), now);
		}
		assertThat(user.isLockedAt(now)).isFalse();
		user.recordFailedLogin(5, Duration.ofMinutes(15), now);
		assertThat(user.isLockedAt(now.plusSeconds(60))).isTrue();
		assertThat(user.isLockedAt(now.plus(Duration.ofMinutes(16)))).isFalse();
	}

	@Test
	void aSuccessfulSignInResetsTheCount() {
		User user = aUser();
		for (int i = 0; i < 4; i++) {
			user.recordFailedLogin(5, Duration.ofMinutes(15), now);
		}
		user.recordSuccessfulLogin();
		user.recordFailedLogin(5, Duration.ofMinutes(15), now);
		assertThat(user.isLockedAt(now)).isFalse();
	}

	@Test
	void aUserNeedsARole() {
		assertThatThrownBy(() -> new User("x", "X", null, "{noop}x", Set.of(), null, Locale.ENGLISH, ZoneId.of("UTC")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static User aUser() {
		return new User("ann", "Ann", null, "{noop}pw", Set.of(Role.SALES), null, Locale.ENGLISH, ZoneId.of("UTC"));
	}
}
