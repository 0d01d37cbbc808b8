package org.rapport.customers;

import java.util.List;

/** A batch of contacts an import created and updated, published once per batch instead of once per contact. */
public record ContactsImported(List<ContactId> created, List<ContactId> updated) {
}
