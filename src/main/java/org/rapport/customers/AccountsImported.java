package org.rapport.customers;

import java.util.List;
import java.util.UUID;
import org.rapport.search.RecordsWrittenInBulk;

/**
 * A batch of accounts an import created, updated or (undoing it) removed, published once per batch instead of once per
 * account.
 */
public record AccountsImported(List<AccountId> created, List<AccountId> updated, List<AccountId> removed)
		implements RecordsWrittenInBulk {

	public AccountsImported(List<AccountId> created, List<AccountId> updated) {
		this(created, updated, List.of());
	}

	@Override
	public String searchKind() {
		return AccountId.TYPE;
	}

	@Override
	public List<UUID> writtenIds() {
		return RecordsWrittenInBulk.idsOf(created, updated, AccountId::value);
	}

	@Override
	public List<UUID> removedIds() {
		return RecordsWrittenInBulk.idsOf(removed, AccountId::value);
	}
}
