package org.rapport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActorTests {

	final TeamId team = new TeamId(UUID.randomUUID());
	final TeamId otherTeam = new TeamId(UUID.randomUUID());
	final UserId me = new UserId(UUID.randomUUID());
	final UserId colleague = new UserId(UUID.randomUUID());

	@Test
	void anAdministratorSeesEveryRecord() {
		Actor admin = actor(Set.of(Role.ADMIN), VisibilityScope.ALL);
		assertThat(admin.canSee(colleague, otherTeam)).isTrue();
		assertThat(admin.canManage(colleague, otherTeam)).isTrue();
	}

	@Test
	void aTeamMemberSeesTheirOwnAndTheirTeamsRecordsOnly() {
		Actor seller = actor(Set.of(Role.SALES), VisibilityScope.TEAM);
		assertThat(seller.canSee(me, otherTeam)).isTrue();
		assertThat(seller.canSee(colleague, team)).isTrue();
		assertThat(seller.canSee(colleague, otherTeam)).isFalse();
		assertThat(seller.canSee(colleague, null)).isFalse();
	}

	@Test
	void aUserLimitedToOwnRecordsDoesNotSeeTheTeams() {
		Actor seller = actor(Set.of(Role.SALES), VisibilityScope.OWN);
		assertThat(seller.canSee(me, team)).isTrue();
		assertThat(seller.canSee(colleague, team)).isFalse();
	}

	@Test
	void onlyTheOwnerTheTeamsManagerOrAnAdministratorManagesARecord() {
		assertThat(actor(Set.of(Role.SALES), VisibilityScope.TEAM).canManage(colleague, team)).isFalse();
		assertThat(actor(Set.of(Role.SALES), VisibilityScope.TEAM).canManage(me, team)).isTrue();
		assertThat(actor(Set.of(Role.MANAGER), VisibilityScope.TEAM).canManage(colleague, team)).isTrue();
		assertThat(actor(Set.of(Role.MANAGER), VisibilityScope.TEAM).canManage(colleague, otherTeam)).isFalse();
	}

	private Actor actor(Set<Role> roles, VisibilityScope scope) {
		return new Actor(me, "Me", team, roles, scope, null, null);
	}
}
