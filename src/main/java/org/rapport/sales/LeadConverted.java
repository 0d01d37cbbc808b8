package org.rapport.sales;

import java.time.Instant;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.identity.UserId;

/**
 * A qualified lead became an account's contact, and perhaps an opportunity ({@code null} when none was opened).
 */
public record LeadConverted(LeadId lead, AccountId account, ContactId contact, OpportunityId opportunity,
		UserId owner, Instant at) {
}
