package org.rapport.identity.internal;

import org.rapport.identity.Actor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns stored users into principals, for form sign-in and for API tokens.
 */
@Component
class Principals implements UserDetailsService {

	private final Users users;
	private final VisibilityProperties visibility;

	Principals(Users users, VisibilityProperties visibility) {
		this.users = users;
		this.visibility = visibility;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsernameIgnoreCase(username.strip())
			.map(this::principalOf)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	RapportPrincipal principalOf(User user) {
		Actor actor = new Actor(user.userId(), user.getDisplayName(), user.team(), user.getRoles(),
				visibility.scopeOf(user.getRoles()), user.getTimeZone(), user.getLocale());
		return new RapportPrincipal(user.getUsername(), user.getPasswordHash(), user.isActive(),
				user.getSecurityStamp(), actor);
	}
}
