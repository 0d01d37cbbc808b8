package org.rapport.customers.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.rapport.customers.AccountReferences;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportCells;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.shared.InvalidField;
import org.springframework.stereotype.Component;

/**
 * Finds the accounts that imported rows and API bodies name: per batch, one query by id, one by external id and one
 * by name, each only when some row needs it.
 */
@Component
class AccountLookup implements AccountReferences {

	private final BulkRecords records;

	AccountLookup(BulkRecords records) {
		this.records = records;
	}

	@Override
	public void resolve(ImportBatch batch, List<ImportRow> rows) {
		Set<String> ids = new HashSet<>();
		Set<String> externalIds = new HashSet<>();
		Set<String> names = new HashSet<>();
		for (ImportRow row : rows) {
			String externalId = row.text("accountExternalId");
			String cell = row.text("account");
			if (externalId != null) {
				externalIds.add(externalId);
			}
			else if (cell != null) {
				if (ImportCells.uuid(cell) != null) {
					ids.add(cell);
				}
				externalIds.add(cell);
				names.add(cell.toLowerCase(Locale.ROOT));
			}
		}
		Map<UUID, UUID> byId = new HashMap<>();
		find(batch.actor(), MatchBy.ID, ids).forEach(a -> byId.put(a.getId(), a.getId()));
		Map<String, UUID> byExternalId = new HashMap<>();
		find(batch.actor(), MatchBy.EXTERNAL_ID, externalIds).forEach(a -> byExternalId.put(a.getExternalId(), a.getId()));
		Map<String, List<UUID>> byName = new HashMap<>();
		find(batch.actor(), MatchBy.NAME, names)
			.forEach(a -> byName.computeIfAbsent(a.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
				.add(a.getId()));
		for (ImportRow row : rows) {
			String externalId = row.text("accountExternalId");
			String cell = row.text("account");
			if (externalId != null) {
				UUID id = byExternalId.get(externalId);
				if (id == null) {
					row.reject("accountExternalId", batch.message("import.error.accountExternalId", externalId));
				}
				else {
					row.values().put("accountId", id);
				}
			}
			else if (cell != null) {
				resolve(batch, row, cell, byId, byExternalId, byName);
			}
		}
	}

	/** The account a cell names: its id, else its external id, else its name held by one visible account. */
	private static void resolve(ImportBatch batch, ImportRow row, String cell, Map<UUID, UUID> byId,
			Map<String, UUID> byExternalId, Map<String, List<UUID>> byName) {
		UUID id = byId.get(ImportCells.uuid(cell));
		if (id == null) {
			id = byExternalId.get(cell.strip());
		}
		if (id != null) {
			row.values().put("accountId", id);
			return;
		}
		List<UUID> named = byName.getOrDefault(cell.toLowerCase(Locale.ROOT), List.of());
		if (named.isEmpty()) {
			row.reject("account", batch.message("import.error.account", cell));
		}
		else if (named.size() > 1) {
			row.reject("account", batch.message("import.error.accountAmbiguous", cell));
		}
		else {
			row.values().put("accountId", named.get(0));
		}
	}

	@Override
	public Map<String, UUID> byReference(Actor actor, Collection<String> references) {
		return records.byReference(Account.class, actor, references, Account::getId, Account::getExternalId);
	}

	@Override
	public UUID named(Actor actor, UUID accountId, String accountExternalId) {
		if (accountExternalId == null || accountExternalId.isBlank()) {
			return accountId;
		}
		String externalId = accountExternalId.strip();
		UUID found = find(actor, MatchBy.EXTERNAL_ID, Set.of(externalId)).stream()
			.map(Account::getId)
			.findFirst()
			.orElseThrow(() -> new InvalidField("accountExternalId", "validation.accountExternalId.unknown",
					"No account you can see has the external ID " + externalId, externalId));
		if (accountId != null && !accountId.equals(found)) {
			throw new InvalidField("accountExternalId", "validation.accountExternalId.mismatch",
					"The external ID " + externalId + " names another account than accountId", externalId);
		}
		return found;
	}

	@Override
	public Map<UUID, Written> written(Collection<UUID> accounts) {
		Map<UUID, Written> written = new HashMap<>();
		records.byIds(Account.class, accounts, Function.identity())
			.forEach(a -> written.put(a.getId(),
					new Written(AccountReferences.reference(a.getId(), a.getExternalId()), a.getName())));
		return written;
	}

	private List<Account> find(Actor actor, MatchBy key, Set<String> values) {
		return values.isEmpty() ? List.of()
				: records.find(Account.class, actor, key, AccountImport.path(key), values, Function.identity());
	}
}
