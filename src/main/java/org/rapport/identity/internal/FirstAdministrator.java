package org.rapport.identity.internal;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.rapport.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On a database without users, creates {@code admin} so that somebody can sign in: with the configured
 * password, or with a random one printed once to the log.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAdministration administration;
	private final ApiTokenService tokens;
	private final SecurityProperties properties;
	private final Environment environment;

	FirstAdministrator(UserAdministration administration, ApiTokenService tokens, SecurityProperties properties,
			Environment environment) {
		this.administration = administration;
		this.tokens = tokens;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (administration.hasUsers()) {
			return;
		}
		String password = properties.getAdminPassword();
		boolean generated = password == null || password.isBlank();
		if (generated) {
			byte[] bytes = new byte[12];
			new SecureRandom().nextBytes(bytes);
			password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		User admin = administration.createUser(new UserAdministration.NewUser("admin", "Administrator", null,
				password, Set.of(Role.ADMIN), null, Locale.ENGLISH, ZoneId.of("UTC")));
		if (generated) {
			log.warn("Created user 'admin' with the password {} - sign in and change it.", password);
		}
		else if (password.equals(environment.getProperty("RAPPORT_ADMIN_PASSWORD"))) {
			log.info("Created user 'admin' with the password from RAPPORT_ADMIN_PASSWORD.");
		}
		else {
			// For example the demo profile's default: the environment variable was not set.
			log.info("Created user 'admin' with the password set in rapport.security.admin-password.");
		}
		String token = properties.getAdminToken();
		if (token != null && !token.isBlank()) {
			tokens.register(admin.userId(), "Set-up token", token.strip());
			log.info("Gave 'admin' the API token from RAPPORT_ADMIN_TOKEN.");
		}
	}
}
