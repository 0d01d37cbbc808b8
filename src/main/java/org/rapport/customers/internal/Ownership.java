package org.rapport.customers.internal;

import org.rapport.identity.TeamId;
import org.rapport.identity.UserDirectory;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;
import org.rapport.shared.InvalidField;
import org.springframework.stereotype.Component;

/**
 * Decides the team of a record from its owner: the team asked for, or else the owner's own team.
 */
@Component
class Ownership {

	private final UserDirectory directory;

	Ownership(UserDirectory directory) {
		this.directory = directory;
	}

	TeamId teamFor(UserId owner, TeamId requested) {
		UserSummary user = directory.find(owner)
			.filter(UserSummary::active)
			.orElseThrow(() -> new InvalidField("ownerId", "validation.owner.unknown", "No active user with this id"));
		if (requested != null) {
			directory.findTeam(requested)
				.orElseThrow(() -> new InvalidField("teamId", "validation.team.unknown", "No team with this id"));
			return requested;
		}
		return user.team();
	}
}
