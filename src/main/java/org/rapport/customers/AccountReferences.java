package org.rapport.customers;

import java.util.List;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportRow;

/**
 * Finds the accounts that imported rows name, for the kinds of record that belong to an account (contacts,
 * opportunities, contracts, orders): by the column {@code account} (the account's name, without case) or
 * {@code accountExternalId}, among the accounts the importing user may see, one look-up of each per batch.
 */
public interface AccountReferences {

	/**
	 * Puts the id of the account each row names under {@code accountId}, or rejects the row when no visible account
	 * or more than one has that name.
	 */
	void resolve(ImportBatch batch, List<ImportRow> rows);

	/** Rejects a row that names no account, where the record needs one. */
	static void require(ImportBatch batch, ImportRow row) {
		if (row.values().get("accountId") == null && !row.errors().containsKey("account")
				&& !row.errors().containsKey("accountExternalId")) {
			row.reject("account", batch.message("import.error.accountRequired"));
		}
	}
}
