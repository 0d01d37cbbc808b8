package org.rapport.identity.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.rapport.identity.Role;
import org.rapport.identity.VisibilityScope;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How far each role sees: administrators everything, managers their team, and other roles their team too
 * unless configured otherwise ({@code rapport.visibility.roles.SALES=own}).
 */
@ConfigurationProperties("rapport.visibility")
public class VisibilityProperties {

	private final Map<Role, VisibilityScope> roles = new EnumMap<>(Role.class);

	public Map<Role, VisibilityScope> getRoles() {
		return roles;
	}

	/** The widest scope among a user's roles. */
	VisibilityScope scopeOf(Set<Role> userRoles) {
		VisibilityScope widest = VisibilityScope.OWN;
		for (Role role : userRoles) {
			VisibilityScope scope = switch (role) {
				case ADMIN -> VisibilityScope.ALL;
				case MANAGER -> roles.getOrDefault(role, VisibilityScope.TEAM);
				default -> roles.getOrDefault(role, VisibilityScope.TEAM);
			};
			if (scope.ordinal() < widest.ordinal()) {
				widest = scope;
			}
		}
		return widest;
	}
}
