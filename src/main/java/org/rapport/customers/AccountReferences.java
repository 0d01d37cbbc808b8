package org.rapport.customers;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportRow;
import org.rapport.shared.ExternalIds;

/**
 * Finds the accounts that records of other kinds name (contacts, opportunities, contracts, orders), among the
 * accounts the acting user may see, by one rule for imports and the API. An imported row names its account in the
 * column {@code accountExternalId} (by external id) or {@code account}, whose cell is tried as the account's id in
 * Rapport, then as its external id, then as its name (without case, and only when one visible account has it), so
 * that Rapport's own exports, another system's ids and plain names all find it; one look-up of each per batch. An API
 * body names it by {@code accountId} or {@code accountExternalId}.
 */
public interface AccountReferences {

	/**
	 * Puts the id of the account each row names under {@code accountId}, or rejects the row when no visible account
	 * or more than one answers to it; {@code accountExternalId} goes before {@code account} when a row has both.
	 */
	void resolve(ImportBatch batch, List<ImportRow> rows);

	/**
	 * The visible accounts that these cells name, by cell (without surrounding spaces): each cell is tried as an
	 * account's id, then as its external id, never as a name; cells that name none are left out. For records that
	 * name an account only where it is there, such as a lead converted in another system.
	 */
	Map<String, UUID> byReference(Actor actor, Collection<String> references);

	/**
	 * The account an API body names: {@code accountId} as given (the caller checks that the actor may see it), or
	 * else the visible account that holds {@code accountExternalId}; null when it names none. Refuses, naming
	 * {@code accountExternalId}, an external id that no visible account holds, and one that names another account
	 * than {@code accountId} when both are given.
	 */
	UUID named(Actor actor, UUID accountId, String accountExternalId);

	/**
	 * How exports write these accounts, whoever may see them, in one query: the reference an import finds the account
	 * by again and its name. Accounts that do not exist are left out.
	 */
	Map<UUID, Written> written(Collection<UUID> accounts);

	/** An account as an export writes it: {@link #reference} and its name. */
	record Written(String reference, String name) {
	}

	/**
	 * The cell an export writes for an account so that an import of the file finds it again, as for every record:
	 * {@link ExternalIds#reference}.
	 */
	static String reference(UUID id, String externalId) {
		return ExternalIds.reference(id, externalId);
	}

	/** Rejects a row that names no account, where the record needs one. */
	static void require(ImportBatch batch, ImportRow row) {
		if (row.values().get("accountId") == null && !row.errors().containsKey("account")
				&& !row.errors().containsKey("accountExternalId")) {
			row.reject("account", batch.message("import.error.accountRequired"));
		}
	}
}
