package org.rapport.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whether a signed-in session may go on once its user is deactivated or got a new password, on whichever node the
 * request arrives: every check reads the user's state from the database (one indexed row, no cache).
 */
@Component
public class SignedInUsers {

	private final JdbcClient jdbc;
	private final Principals principals;

	SignedInUsers(JdbcClient jdbc, Principals principals) {
		this.jdbc = jdbc;
		this.principals = principals;
	}

	/**
	 * Whether the authentication is still good: a user's while they are active and it was made since their last
	 * security change; any other (or none) stays as it is.
	 */
	public boolean stillValid(Authentication authentication) {
		return authentication == null || !(authentication.getPrincipal() instanceof RapportPrincipal principal)
				|| stillValid(principal);
	}

	/** Whether the user is still active and the principal was made since their last security change. */
	boolean stillValid(RapportPrincipal principal) {
		return stampOfActive(principal.actor().id().value())
			.map(stamp -> stamp == principal.securityStamp())
			.orElse(false);
	}

	private Optional<Long> stampOfActive(UUID user) {
		return jdbc.sql("select security_stamp from app_user where id = :id and active = true")
			.param("id", user)
			.query(Long.class)
			.optional();
	}

	/**
	 * The user's authentication made anew, as of their latest security change, so that the session that made a
	 * change ending their other sessions, such as a new password, stays signed in; empty for another authentication.
	 */
	public Optional<Authentication> renewed(Authentication current) {
		if (current == null || !(current.getPrincipal() instanceof RapportPrincipal principal)) {
			return Optional.empty();
		}
		RapportPrincipal renewed = (RapportPrincipal) principals.loadUserByUsername(principal.getUsername());
		renewed.eraseCredentials();
		return Optional.of(UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities()));
	}
}
