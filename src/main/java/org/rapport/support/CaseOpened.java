package org.rapport.support;

import java.time.Instant;
import org.rapport.customers.AccountId;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;

/**
 * A support case was opened for an account ({@code null} for a lead's case); owner and team decide who sees the event.
 */
public record CaseOpened(CaseId id, AccountId account, String number, UserId owner, TeamId team, Instant at) {
}
