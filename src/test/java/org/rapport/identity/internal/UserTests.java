package org.rapport.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.identity.Role;

class UserTests {

	@Test
	void deactivatingAUserOrGivingANewPasswordChangesTheSecurityStampThatSessionsCarry() {
		User user = aUser();
		long stamp = user.getSecurityStamp();
		user.describe("Ann", null, Set.of(Role.MANAGER), null, Locale.ENGLISH, ZoneId.of("UTC"), true);
		assertThat(user.getSecurityStamp()).as("a new role").isEqualTo(stamp);
		user.describe("Ann", null, Set.of(Role.MANAGER), null, Locale.ENGLISH, ZoneId.of("UTC"), false);
		assertThat(user.getSecurityStamp()).as("deactivated").isGreaterThan(stamp);
		stamp = user.getSecurityStamp();
		user.changePassword("{noop}new");
		assertThat(user.getSecurityStamp()).as("a new password").isGreaterThan(stamp);
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
