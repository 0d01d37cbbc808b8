package org.rapport.customers.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.rapport.customers.AccountReferences;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportRow;
import org.rapport.integration.MatchBy;
import org.rapport.integration.bulk.BulkRecords;
import org.springframework.stereotype.Component;

/** Finds the accounts imported rows name: one query by name and one by external id per batch. */
@Component
class AccountLookup implements AccountReferences {

	private final BulkRecords records;

	AccountLookup(BulkRecords records) {
		this.records = records;
	}

	@Override
	public void resolve(ImportBatch batch, List<ImportRow> rows) {
		Set<String> names = new HashSet<>();
		Set<String> externalIds = new HashSet<>();
		for (ImportRow row : rows) {
			if (row.text("accountExternalId") != null) {
				externalIds.add(row.text("accountExternalId"));
			}
			else if (row.text("account") != null) {
				names.add(row.text("account").toLowerCase(Locale.ROOT));
			}
		}
		if (names.isEmpty() && externalIds.isEmpty()) {
			return;
		}
		Map<String, List<UUID>> byName = new HashMap<>();
		records.find(Account.class, batch.actor(), MatchBy.NAME, AccountImport.path(MatchBy.NAME), names,
				Function.identity())
			.forEach(a -> byName.computeIfAbsent(a.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
				.add(a.getId()));
		Map<String, UUID> byExternalId = new HashMap<>();
		records.find(Account.class, batch.actor(), MatchBy.EXTERNAL_ID, AccountImport.path(MatchBy.EXTERNAL_ID),
				externalIds, Function.identity())
			.forEach(a -> byExternalId.put(a.getExternalId(), a.getId()));
		for (ImportRow row : rows) {
			String externalId = row.text("accountExternalId");
			String name = row.text("account");
			if (externalId != null) {
				UUID id = byExternalId.get(externalId);
				if (id == null) {
					row.reject("accountExternalId", batch.message("import.error.accountExternalId", externalId));
				}
				else {
					row.values().put("accountId", id);
				}
			}
			else if (name != null) {
				List<UUID> ids = byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
				if (ids.isEmpty()) {
					row.reject("account", batch.message("import.error.account", name));
				}
				else if (ids.size() > 1) {
					row.reject("account", batch.message("import.error.accountAmbiguous", name));
				}
				else {
					row.values().put("accountId", ids.get(0));
				}
			}
		}
	}
}
