package org.rapport.identity.internal;

import java.util.Optional;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.springframework.data.domain.AuditorAware;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Reads the signed-in user from Spring Security's context; also names the author of each change for
 * the created-by and updated-by columns.
 */
@Component("currentAuditor")
class SecurityContextActor implements CurrentActor, AuditorAware<UUID> {

	@Override
	public Actor get() {
		return find().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
	}

	@Override
	public Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof RapportPrincipal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	@Override
	public Optional<UUID> getCurrentAuditor() {
		return find().map(actor -> actor.id().value());
	}
}
