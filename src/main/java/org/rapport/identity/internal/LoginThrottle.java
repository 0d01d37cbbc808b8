package org.rapport.identity.internal;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a user out for a while after too many failed sign-ins in a row. The count lives in the database so
 * that it holds across every node.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final Users users;
	private final SecurityProperties properties;

	LoginThrottle(Users users, SecurityProperties properties) {
		this.users = users;
		this.properties = properties;
	}

	@EventListener
	@Transactional
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof String username)) {
			return;
		}
		users.findByUsernameIgnoreCase(username.strip()).ifPresent(user -> {
			user.recordFailedLogin(properties.getMaxFailedLogins(), properties.getLockout(), Instant.now());
			if (user.isLockedAt(Instant.now())) {
				log.warn("User {} locked for {} after repeated failed sign-ins", user.getUsername(),
						properties.getLockout());
			}
		});
	}

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof RapportPrincipal principal) {
			users.findById(principal.actor().id().value()).ifPresent(User::recordSuccessfulLogin);
		}
	}
}
