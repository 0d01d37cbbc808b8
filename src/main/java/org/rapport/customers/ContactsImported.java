package org.rapport.customers;

import java.util.List;
import java.util.UUID;
import org.rapport.search.RecordsWrittenInBulk;

/**
 * A batch of contacts an import created, updated or (undoing it) removed, published once per batch instead of once per
 * contact.
 */
public record ContactsImported(List<ContactId> created, List<ContactId> updated, List<ContactId> removed)
		implements RecordsWrittenInBulk {

	public ContactsImported(List<ContactId> created, List<ContactId> updated) {
		this(created, updated, List.of());
	}

	@Override
	public String searchKind() {
		return ContactId.TYPE;
	}

	@Override
	public List<UUID> writtenIds() {
		return RecordsWrittenInBulk.idsOf(created, updated, ContactId::value);
	}

	@Override
	public List<UUID> removedIds() {
		return RecordsWrittenInBulk.idsOf(removed, ContactId::value);
	}
}
