package org.rapport.customers;

import java.util.List;

/**
 * A batch of accounts an import created, updated or (undoing it) removed, published once per batch instead of once per
 * account.
 */
public record AccountsImported(List<AccountId> created, List<AccountId> updated, List<AccountId> removed) {

	public AccountsImported(List<AccountId> created, List<AccountId> updated) {
		this(created, updated, List.of());
	}
}
