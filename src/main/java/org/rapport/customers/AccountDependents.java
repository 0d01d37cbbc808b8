package org.rapport.customers;

import java.util.List;

/**
 * What another module keeps for accounts, which an account's delete asks about first: records that keep the account
 * from going (financial records, which stay as long as they exist), and records that go with it or move to another
 * account, as the user deleting it chooses.
 */
public interface AccountDependents {

	/** What this module keeps for the account, a count per kind; kinds without records may be left out. */
	List<AccountHolding> holdingsOf(AccountId account);

	/**
	 * Moves what this module keeps for the account, and may move, to {@code moveTo}, or deletes it when that is
	 * {@code null}; runs in the delete's transaction, once no holding keeps the account, before the account goes.
	 */
	void beforeDelete(AccountId account, AccountId moveTo);
}
