package org.rapport.sales.leads.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountSource;

/**
 * The stored values of a lead as a bulk import reads and writes them; {@code rating} is the name of a
 * {@link LeadRating}; {@code version} is the one a write expects to find. The status is null only in values that an
 * import kept for its undo before leads were imported with their status.
 */
public record LeadValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, String firstName,
		String lastName, String company, String title, String email, String phone, AccountSource source,
		String rating, String notes, LeadStatus status, String disqualifiedReason, UUID convertedAccountId,
		UUID convertedContactId, UUID convertedOpportunityId, Instant convertedAt, Map<String, Object> customFields) {

	/** The same lead with the status, reason and conversion of the other. */
	LeadValues withStatusOf(LeadValues other) {
		return new LeadValues(id, version, ownerId, teamId, externalId, firstName, lastName, company, title, email,
				phone, source, rating, notes, other.status, other.disqualifiedReason, other.convertedAccountId,
				other.convertedContactId, other.convertedOpportunityId, other.convertedAt, customFields);
	}

	/** The same lead with the status, reason and conversion the lead holds. */
	LeadValues withStatusOf(Lead lead) {
		return new LeadValues(id, version, ownerId, teamId, externalId, firstName, lastName, company, title, email,
				phone, source, rating, notes, lead.getStatus(), lead.getDisqualifiedReason(),
				lead.getConvertedAccountId(), lead.getConvertedContactId(), lead.getConvertedOpportunityId(),
				lead.getConvertedAt(), customFields);
	}

	/** The same lead at another version. */
	LeadValues withVersion(long version) {
		return new LeadValues(id, version, ownerId, teamId, externalId, firstName, lastName, company, title, email,
				phone, source, rating, notes, status, disqualifiedReason, convertedAccountId, convertedContactId,
				convertedOpportunityId, convertedAt, customFields);
	}
}
