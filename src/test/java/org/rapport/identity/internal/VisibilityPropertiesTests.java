package org.rapport.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.identity.Role;
import org.rapport.identity.VisibilityScope;

class VisibilityPropertiesTests {

	@Test
	void rolesSeeTheirTeamUnlessConfiguredOtherwiseAndAdministratorsSeeAll() {
		VisibilityProperties properties = new VisibilityProperties();
		properties.getRoles().put(Role.SUPPORT, VisibilityScope.OWN);
		assertThat(properties.scopeOf(Set.of(Role.SALES))).isEqualTo(VisibilityScope.TEAM);
		assertThat(properties.scopeOf(Set.of(Role.SUPPORT))).isEqualTo(VisibilityScope.OWN);
		assertThat(properties.scopeOf(Set.of(Role.SUPPORT, Role.MANAGER))).isEqualTo(VisibilityScope.TEAM);
		assertThat(properties.scopeOf(Set.of(Role.SALES, Role.ADMIN))).isEqualTo(VisibilityScope.ALL);
	}
}
