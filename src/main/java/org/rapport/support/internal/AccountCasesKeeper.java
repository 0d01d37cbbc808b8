package org.rapport.support.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.rapport.customers.AccountDependents;
import org.rapport.customers.AccountHolding;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountsMerged;
import org.rapport.customers.ContactsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an account's cases with it: they move to the account that remains of a merge (and a merged contact's cases
 * to the contact that remains), and move or go with a deleted account, as the user deleting it chooses. Plain
 * listeners in the merge's transaction, as the other modules' are: the merged record goes only after its cases moved.
 */
@Component
class AccountCasesKeeper implements AccountDependents {

	private final EntityManager em;
	private final Clock clock;

	AccountCasesKeeper(EntityManager em, Clock clock) {
		this.em = em;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountHolding> holdingsOf(AccountId account) {
		long count = em.createQuery("select count(c) from SupportCase c where c.accountId = :account", Long.class)
			.setParameter("account", account.value())
			.getSingleResult();
		return List.of(new AccountHolding("account.holds.cases", count, false));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void beforeDelete(AccountId account, AccountId moveTo) {
		if (moveTo == null) {
			// through the entities, so that the search index follows; a case's comments go with it (on delete cascade)
			em.createQuery("select c from SupportCase c where c.accountId = :account", SupportCase.class)
				.setParameter("account", account.value())
				.getResultList()
				.forEach(em::remove);
		}
		else {
			move(account, moveTo);
		}
		em.flush();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountsMerged merge) {
		move(merge.merged(), merge.survivor());
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ContactsMerged merge) {
		em.createNativeQuery("update support_case set contact_id = :to, version = version + 1, updated_at = :at "
				+ "where contact_id = :from")
			.setParameter("to", merge.survivor().value())
			.setParameter("from", merge.merged().value())
			.setParameter("at", clock.instant())
			.executeUpdate();
	}

	private void move(AccountId from, AccountId to) {
		em.createNativeQuery("update support_case set account_id = :to, version = version + 1, updated_at = :at "
				+ "where account_id = :from")
			.setParameter("to", to.value())
			.setParameter("from", from.value())
			.setParameter("at", clock.instant())
			.executeUpdate();
	}
}
