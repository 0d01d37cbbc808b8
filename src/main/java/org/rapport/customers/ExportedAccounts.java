package org.rapport.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The account cells of an export of records that belong to accounts (opportunities, orders, contracts): the
 * reference an import finds the account by again and its name, each account looked up once per export however many
 * rows name it.
 */
public final class ExportedAccounts {

	private static final AccountReferences.Written NONE = new AccountReferences.Written(null, null);

	private final AccountReferences references;
	private final Map<UUID, AccountReferences.Written> accounts = new HashMap<>();

	public ExportedAccounts(AccountReferences references) {
		this.references = references;
	}

	/** The cell that names the account for an import (see {@link AccountReferences#reference}); empty for none. */
	public String reference(UUID account) {
		return written(account).reference();
	}

	/** The account's name, for a reader of the file; empty for none. */
	public String name(UUID account) {
		return written(account).name();
	}

	private AccountReferences.Written written(UUID account) {
		if (account == null) {
			return NONE;
		}
		return accounts.computeIfAbsent(account,
				id -> references.written(List.of(id)).getOrDefault(id, NONE));
	}
}
