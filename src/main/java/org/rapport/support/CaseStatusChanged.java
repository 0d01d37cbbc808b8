package org.rapport.support;

import java.time.Instant;
import org.rapport.customers.AccountId;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;

/** A support case moved from one status to another, named as the case's statuses are (such as RESOLVED). */
public record CaseStatusChanged(CaseId id, AccountId account, String number, String from, String to, UserId owner,
		TeamId team, Instant at) {
}
