package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.rapport.customers.AccountDependents;
import org.rapport.customers.AccountHolding;
import org.rapport.customers.AccountId;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What sales keeps for an account when the account is to be deleted. Orders and contracts are financial records:
 * they keep the account as long as they exist. Opportunities move to another account or go with the account, as
 * the user deleting it chooses. Converted leads keep their history but no longer point at the account.
 */
@Component
class AccountSalesRecords implements AccountDependents {

	private final EntityManager em;

	AccountSalesRecords(EntityManager em) {
		this.em = em;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AccountHolding> holdingsOf(AccountId account) {
		return List.of(
				new AccountHolding("account.holds.orders",
						count("select count(o) from SalesOrder o where o.accountId = :account", account), true),
				new AccountHolding("account.holds.contracts",
						count("select count(c) from Contract c where c.accountId = :account", account), true),
				new AccountHolding("account.holds.opportunities",
						count("select count(o) from Opportunity o where o.accountId = :account", account), false));
	}

	private long count(String query, AccountId account) {
		return em.createQuery(query, Long.class).setParameter("account", account.value()).getSingleResult();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void beforeDelete(AccountId account, AccountId moveTo) {
		List<Opportunity> opportunities = em
			.createQuery("select o from Opportunity o where o.accountId = :account", Opportunity.class)
			.setParameter("account", account.value())
			.getResultList();
		List<UUID> ids = opportunities.stream().map(Opportunity::getId).toList();
		// through the entities, so that the search index follows and each opportunity's lines and history go with it
		for (Opportunity opportunity : opportunities) {
			if (moveTo == null) {
				em.remove(opportunity);
			}
			else {
				opportunity.changeAccount(moveTo);
			}
		}
		if (moveTo == null && !ids.isEmpty()) {
			em.createQuery("update Lead l set l.convertedOpportunityId = null where l.convertedOpportunityId in :ids")
				.setParameter("ids", ids)
				.executeUpdate();
		}
		em.createQuery("update Lead l set l.convertedAccountId = null where l.convertedAccountId = :account")
			.setParameter("account", account.value())
			.executeUpdate();
		em.flush();
	}
}
