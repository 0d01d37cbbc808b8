package org.rapport.support;

import java.time.Instant;
import org.rapport.customers.AccountId;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;

/** A support case was escalated to a level (1 to 3) because an SLA target reached its warning or was breached. */
public record CaseEscalated(CaseId id, AccountId account, String number, int level, UserId owner, TeamId team,
		Instant at) {
}
