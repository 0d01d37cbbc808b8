package org.rapport.sales.leads.internal;

import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountSource;

/**
 * The stored values of a lead as a bulk import reads and writes them; {@code rating} is the name of a
 * {@link LeadRating}; {@code version} is the one a write expects to find.
 */
public record LeadValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, String firstName,
		String lastName, String company, String title, String email, String phone, AccountSource source,
		String rating, String notes, Map<String, Object> customFields) {
}
