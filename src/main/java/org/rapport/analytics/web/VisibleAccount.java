package org.rapport.analytics.web;

import java.util.UUID;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Actor;
import org.rapport.shared.RecordNotFound;

/** The account a panel or an answer is about, if the actor may see it: 404 otherwise, as for one that is not there. */
final class VisibleAccount {

	private VisibleAccount() {
	}

	static AccountId of(Customers customers, Actor actor, UUID id) {
		return customers.findAccount(actor, new AccountId(id))
			.orElseThrow(() -> new RecordNotFound("account.notFound", "No account {0}", id))
			.id();
	}
}
