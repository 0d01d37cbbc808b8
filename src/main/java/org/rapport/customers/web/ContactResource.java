package org.rapport.customers.web;

import java.time.Instant;
import java.util.UUID;
import java.util.Map;
import org.rapport.customers.internal.Contact;

/**
 * A contact as the API shows it.
 */
record ContactResource(UUID id, long version, String externalId, UUID accountId, String firstName, String lastName, String title,
		String email, String phone, AddressInput address, boolean doNotContact, UUID ownerId, UUID teamId,
		Map<String, Object> customFields, UUID createdBy, Instant createdAt, UUID updatedBy, Instant updatedAt) {

	static ContactResource of(Contact c) {
		return new ContactResource(c.getId(), c.getVersion(), c.getExternalId(), c.accountId() == null ? null : c.accountId().value(),
				c.getFirstName(), c.getLastName(), c.getTitle(), c.getEmail(), c.getPhone(),
				AddressInput.of(c.getAddress()), c.isDoNotContact(), c.getOwnerId(), c.getTeamId(), c.getCustomFields(),
				c.getCreatedBy(),
				c.getCreatedAt(), c.getUpdatedBy(), c.getUpdatedAt());
	}
}
