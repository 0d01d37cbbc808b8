package org.rapport.integration.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.CustomerImports;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportRow;
import org.rapport.shared.MatchBy;
import org.springframework.stereotype.Component;

/**
 * Finds the accounts that rows name, by the columns {@code account} (the name) or {@code accountExternalId}: one
 * look-up by name and one by external id per batch, among the accounts the importing user may see.
 */
@Component
class AccountReferences {

	private final CustomerImports customers;

	AccountReferences(CustomerImports customers) {
		this.customers = customers;
	}

	/** Puts the id of the account each row names under {@code accountId}, or rejects the row. */
	void resolve(ImportBatch batch, List<ImportRow> rows) {
		Actor actor = batch.actor();
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
		customers.findAccounts(actor, MatchBy.NAME, names)
			.forEach(a -> byName.computeIfAbsent(a.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(a.id()));
		Map<String, UUID> byExternalId = new HashMap<>();
		customers.findAccounts(actor, MatchBy.EXTERNAL_ID, externalIds)
			.forEach(a -> byExternalId.put(a.externalId(), a.id()));
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

	/** Rejects a row that names no account, where the record needs one. */
	static void require(ImportBatch batch, ImportRow row) {
		if (row.values().get("accountId") == null && !row.errors().containsKey("account")
				&& !row.errors().containsKey("accountExternalId")) {
			row.reject("account", batch.message("import.error.accountRequired"));
		}
	}
}
