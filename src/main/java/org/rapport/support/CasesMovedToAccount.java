package org.rapport.support;

import java.util.List;
import org.rapport.customers.AccountId;

/**
 * Cases that belonged to no account (a lead's) now belong to this one, as the lead was converted: what is about them
 * rolls up to the account from now on. Published in the conversion's transaction, for plain listeners.
 */
public record CasesMovedToAccount(List<CaseId> cases, AccountId account) {

	public CasesMovedToAccount {
		cases = List.copyOf(cases);
	}
}
