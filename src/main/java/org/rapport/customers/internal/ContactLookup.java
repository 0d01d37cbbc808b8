package org.rapport.customers.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.ContactReferences;
import org.rapport.identity.Actor;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.shared.ExternalIds;
import org.springframework.stereotype.Component;

/** Finds the contacts that imported rows name, per batch, and the references exports write for them. */
@Component
class ContactLookup implements ContactReferences {

	private final BulkRecords records;

	ContactLookup(BulkRecords records) {
		this.records = records;
	}

	@Override
	public Map<String, UUID> byReference(Actor actor, Collection<String> references) {
		return records.byReference(Contact.class, actor, references, Contact::getId, Contact::getExternalId);
	}

	@Override
	public Map<UUID, String> written(Collection<UUID> contacts) {
		Map<UUID, String> written = new HashMap<>();
		records.byIds(Contact.class, contacts, c -> Map.entry(c.getId(), ExternalIds.reference(c.getId(),
				c.getExternalId())))
			.forEach(entry -> written.put(entry.getKey(), entry.getValue()));
		return written;
	}
}
