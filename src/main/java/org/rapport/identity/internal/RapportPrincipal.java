package org.rapport.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.rapport.identity.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security keeps it in the session.
 */
public final class RapportPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String username;
	private String passwordHash;
	private final boolean enabled;
	private final long securityStamp;
	private final Actor actor;

	RapportPrincipal(String username, String passwordHash, boolean enabled, long securityStamp, Actor actor) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.securityStamp = securityStamp;
		this.actor = actor;
	}

	/** The user's security stamp when this principal was made; a session holding an older one has ended. */
	long securityStamp() {
		return securityStamp;
	}

	public Actor actor() {
		return actor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = actor.roles()
			.stream()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
