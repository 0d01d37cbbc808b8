package org.rapport.customers.internal;

import java.util.Map;
import java.util.UUID;
import org.rapport.shared.PostalAddress;

/**
 * The stored values of a contact as a bulk import reads and writes them; {@code version} is the one a write
 * expects to find.
 */
public record ContactValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, UUID accountId,
		String firstName, String lastName, String title, String email, String phone, PostalAddress address,
		boolean doNotContact, Map<String, Object> customFields) {
}
