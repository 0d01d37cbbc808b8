package org.rapport.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rapport.identity.Role;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTests {

	@Test
	void theLogNamesTheEnvironmentVariableOnlyWhenThePasswordCameFromIt(CapturedOutput output) {
		SecurityProperties properties = new SecurityProperties();
		properties.setAdminPassword("admin");

		firstAdministrator(properties, new MockEnvironment()).run(null);
		assertThat(output.getOut()).doesNotContain("RAPPORT_ADMIN_PASSWORD")
			.contains("the password set in rapport.security.admin-password");

		properties.setAdminPassword("from-the-variable");
		firstAdministrator(properties, new MockEnvironment().withProperty("RAPPORT_ADMIN_PASSWORD", "from-the-variable"))
			.run(null);
		assertThat(output.getOut()).contains("with the password from RAPPORT_ADMIN_PASSWORD");
	}

	private static FirstAdministrator firstAdministrator(SecurityProperties properties, MockEnvironment environment) {
		UserAdministration administration = mock(UserAdministration.class);
		when(administration.hasUsers()).thenReturn(false);
		when(administration.createUser(any())).thenReturn(new User("admin", "Administrator", null, "{noop}x",
				Set.of(Role.ADMIN), null, Locale.ENGLISH, ZoneId.of("UTC"), java.time.Instant.EPOCH));
		return new FirstAdministrator(administration, mock(ApiTokenService.class), properties, environment);
	}
}
