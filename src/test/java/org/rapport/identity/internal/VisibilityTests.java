package org.rapport.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.identity.Visibility;
import org.rapport.identity.VisibilityScope;

/**
 * The visibility rule from a user's roles to the records they see: decided once as a {@link Visibility}, which a
 * record in memory asks and a query renders.
 */
class VisibilityTests {

	final TeamId team = new TeamId(UUID.randomUUID());
	final TeamId otherTeam = new TeamId(UUID.randomUUID());
	final UserId me = new UserId(UUID.randomUUID());
	final UserId colleague = new UserId(UUID.randomUUID());
	final VisibilityProperties properties = new VisibilityProperties();

	@Test
	void anAdministratorSeesEveryRecordWithOrWithoutATeam() {
		for (TeamId own : new TeamId[] { team, null }) {
			Actor admin = actor(own, Role.ADMIN, Role.SALES);
			assertThat(admin.visibility()).isEqualTo(Visibility.everything());
			assertThat(admin.canSee(colleague, otherTeam)).isTrue();
			assertThat(admin.canSee(colleague, null)).isTrue();
			assertThat(rendered(admin)).isEqualTo("everything");
		}
	}

	@Test
	void aManagerSeesTheirOwnAndTheirTeamsRecords() {
		Actor manager = actor(team, Role.MANAGER);
		assertThat(manager.visibility()).isEqualTo(Visibility.ownerOrTeam(me, team));
		assertThat(manager.canSee(colleague, team)).isTrue();
		assertThat(manager.canSee(me, otherTeam)).isTrue();
		assertThat(manager.canSee(colleague, otherTeam)).isFalse();
		assertThat(rendered(manager)).isEqualTo("owner " + me.value() + " or team " + team.value());
	}

	@Test
	void aTeamScopeSeesTheOwnAndTheTeamsRecordsButNoRecordWithoutATeam() {
		Actor seller = actor(team, Role.SALES);
		assertThat(seller.scope()).isEqualTo(VisibilityScope.TEAM);
		assertThat(seller.visibility()).isEqualTo(Visibility.ownerOrTeam(me, team));
		assertThat(seller.canSee(me, null)).isTrue();
		assertThat(seller.canSee(colleague, team)).isTrue();
		assertThat(seller.canSee(colleague, otherTeam)).isFalse();
		assertThat(seller.canSee(colleague, null)).isFalse();
	}

	@Test
	void aTeamScopeWithoutATeamSeesOnlyTheOwnRecords() {
		Actor loner = actor(null, Role.SALES);
		assertThat(loner.scope()).isEqualTo(VisibilityScope.TEAM);
		assertThat(loner.visibility()).isEqualTo(Visibility.owner(me));
		assertThat(loner.canSee(me, otherTeam)).isTrue();
		assertThat(loner.canSee(colleague, null)).isFalse();
		assertThat(rendered(loner)).isEqualTo("owner " + me.value());
	}

	@Test
	void anOwnScopeSeesOnlyTheOwnRecordsEvenInATeam() {
		properties.getRoles().put(Role.SUPPORT, VisibilityScope.OWN);
		Actor agent = actor(team, Role.SUPPORT);
		assertThat(agent.scope()).isEqualTo(VisibilityScope.OWN);
		assertThat(agent.visibility()).isEqualTo(Visibility.owner(me));
		assertThat(agent.canSee(me, otherTeam)).isTrue();
		assertThat(agent.canSee(colleague, team)).isFalse();
		assertThat(rendered(agent)).isEqualTo("owner " + me.value());
	}

	@Test
	void anAllScopeGivenToARoleSeesEveryRecord() {
		properties.getRoles().put(Role.MARKETING, VisibilityScope.ALL);
		Actor marketer = actor(team, Role.MARKETING);
		assertThat(marketer.visibility()).isEqualTo(Visibility.everything());
		assertThat(marketer.canSee(colleague, otherTeam)).isTrue();
		assertThat(marketer.isAdmin()).isFalse();
	}

	@Test
	void managingFollowsTheSameRuleForAdministratorsManagersAndOwners() {
		assertThat(actor(null, Role.ADMIN).canManage(colleague, otherTeam)).isTrue();
		assertThat(actor(team, Role.MANAGER).canManage(colleague, team)).isTrue();
		assertThat(actor(team, Role.MANAGER).canManage(colleague, otherTeam)).isFalse();
		assertThat(actor(null, Role.MANAGER).canManage(colleague, null)).isFalse();
		assertThat(actor(team, Role.SALES).canManage(colleague, team)).isFalse();
		assertThat(actor(team, Role.SALES).canManage(me, otherTeam)).isTrue();
		assertThat(actor(team, Role.SALES).canMerge(me, team)).isFalse();
		assertThat(actor(team, Role.MANAGER).canMerge(colleague, team)).isTrue();
	}

	private Actor actor(TeamId ownTeam, Role... roles) {
		Set<Role> set = Set.of(roles);
		return new Actor(me, "Me", ownTeam, set, properties.scopeOf(set), null, null);
	}

	private static String rendered(Actor actor) {
		return actor.visibility().render(new Visibility.Renderer<String>() {

			@Override
			public String everything() {
				return "everything";
			}

			@Override
			public String owner(UserId owner) {
				return "owner " + owner.value();
			}

			@Override
			public String ownerOrTeam(UserId owner, TeamId team) {
				return "owner " + owner.value() + " or team " + team.value();
			}
		});
	}
}
