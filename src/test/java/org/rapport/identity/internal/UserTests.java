package org.rapport.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.identity.Role;

class UserTests {

	static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

	@Test
	void deactivatingAUserOrGivingANewPasswordChangesTheSecurityStampThatSessionsCarry() {
		User user = aUser();
		long stamp = user.getSecurityStamp();
		user.describe("Ann", null, Set.of(Role.MANAGER), null, Locale.ENGLISH, ZoneId.of("UTC"), true, CREATED);
		assertThat(user.getSecurityStamp()).as("a new role").isEqualTo(stamp);
		user.describe("Ann", null, Set.of(Role.MANAGER), null, Locale.ENGLISH, ZoneId.of("UTC"), false, CREATED);
		assertThat(user.getSecurityStamp()).as("deactivated").isGreaterThan(stamp);
		stamp = user.getSecurityStamp();
		user.changePassword("{noop}new", CREATED);
		assertThat(user.getSecurityStamp()).as("a new password").isGreaterThan(stamp);
	}

	@Test
	void aUserKeepsWhenItWasCreatedAndEachChangeMovesOnlyTheTimeOfTheLastChange() {
		User user = aUser();
		assertThat(user.getCreatedAt()).isEqualTo(CREATED);
		assertThat(user.getUpdatedAt()).isEqualTo(CREATED);

		user.preferLocale(Locale.SIMPLIFIED_CHINESE, CREATED.plusSeconds(60));
		assertThat(user.getUpdatedAt()).isEqualTo(CREATED.plusSeconds(60));
		user.changePassword("{noop}new", CREATED.plusSeconds(120));
		assertThat(user.getUpdatedAt()).isEqualTo(CREATED.plusSeconds(120));
		assertThat(user.getCreatedAt()).isEqualTo(CREATED);
	}

	@Test
	void aUserNeedsARole() {
		assertThatThrownBy(() -> new User("x", "X", null, "{noop}x", Set.of(), null, Locale.ENGLISH, ZoneId.of("UTC"),
				CREATED))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static User aUser() {
		return new User("ann", "Ann", null, "{noop}pw", Set.of(Role.SALES), null, Locale.ENGLISH, ZoneId.of("UTC"),
				CREATED);
	}
}
