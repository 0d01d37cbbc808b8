package org.rapport.customers;

import java.util.List;

/**
 * A batch of contacts an import created, updated or (undoing it) removed, published once per batch instead of once per
 * contact.
 */
public record ContactsImported(List<ContactId> created, List<ContactId> updated, List<ContactId> removed) {

	public ContactsImported(List<ContactId> created, List<ContactId> updated) {
		this(created, updated, List.of());
	}
}
