package org.rapport.analytics.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.rapport.customers.AccountChanged;
import org.rapport.customers.AccountFacts;
import org.rapport.customers.AccountFacts.AccountFact;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountsImported;
import org.rapport.shared.RecordAssigned;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the owner and team of each account beside what the models found for it, so that a list of scores, segments or
 * values shows each user only the accounts they may see, filtered and sorted by one index. A run writes them as it
 * finds the accounts; a change of an account's owner or team afterwards reaches every table named here.
 */
@Component
public class AccountOwners {

	/** The tables of results per account, each with {@code account_id}, {@code owner_id} and {@code team_id}. */
	static final List<String> TABLES = List.of("account_value", "account_segment", "account_recommendation",
			"account_churn");

	private final AccountFacts facts;
	private final JdbcTemplate jdbc;

	AccountOwners(AccountFacts facts, JdbcTemplate jdbc) {
		this.facts = facts;
		this.jdbc = jdbc;
	}

	/** The owner and team (and the rest of the facts) of these accounts, in one query per thousands. */
	public Map<AccountId, AccountFact> of(Collection<AccountId> accounts) {
		return facts.of(accounts);
	}

	@ApplicationModuleListener
	void on(AccountChanged changed) {
		refresh(List.of(changed.account()));
	}

	@ApplicationModuleListener
	void on(AccountsImported imported) {
		refresh(imported.updated());
	}

	@ApplicationModuleListener
	void on(RecordAssigned assigned) {
		if (AccountId.TYPE.equals(assigned.record().type())) {
			refresh(List.of(new AccountId(assigned.record().id())));
		}
	}

	/** Writes the accounts' current owner and team into every table of results. */
	void refresh(Collection<AccountId> accounts) {
		if (accounts.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		facts.of(accounts).values().forEach(fact -> rows.add(new Object[] { fact.owner().value(),
				fact.team() == null ? null : fact.team().value(), fact.id().value() }));
		for (String table : TABLES) {
			jdbc.batchUpdate("update " + table + " set owner_id = ?, team_id = ? where account_id = ?", rows);
		}
	}
}
