package org.rapport.customers;

import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;

/**
 * What other modules may know of a contact; {@code account} is {@code null} for a contact of no account, and
 * {@code email} for one without an address.
 */
public record ContactSummary(ContactId id, AccountId account, String fullName, UserId owner, TeamId team,
		String email) {
}
