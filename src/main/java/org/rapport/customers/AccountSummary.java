package org.rapport.customers;

import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;

/**
 * What other modules may know of an account.
 */
public record AccountSummary(AccountId id, String name, UserId owner, TeamId team, LifecycleStage stage) {
}
