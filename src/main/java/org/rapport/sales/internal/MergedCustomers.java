package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import org.rapport.customers.AccountsMerged;
import org.rapport.customers.ContactsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves what the sales module keeps for a merged account or contact to the record that remains: opportunities,
 * orders, contracts and the links of converted leads.
 * <p>
 * A plain {@code @EventListener}, not an {@code @ApplicationModuleListener}: it runs inside the merge's
 * transaction, before the merged account is removed. The rows it moves hold foreign keys to that account, so the
 * removal can only follow the move, and the merge must be all or nothing: a failure here undoes the merge instead
 * of leaving a survivor with half of the other's records and orphans pointing at an account that is gone.
 * Each statement is one indexed update, however many rows it moves.
 */
@Component
class MergedCustomers {

	private final EntityManager em;
	private final Clock clock;

	MergedCustomers(EntityManager em, Clock clock) {
		this.em = em;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(AccountsMerged merge) {
		Instant now = clock.instant();
		for (String table : new String[] { "opportunity", "sales_order", "contract" }) {
			em.createNativeQuery("update " + table + " set account_id = :to, version = version + 1, updated_at = :at"
					+ " where account_id = :from")
				.setParameter("to", merge.survivor().value())
				.setParameter("from", merge.merged().value())
				.setParameter("at", now)
				.executeUpdate();
		}
		// a converted lead's history says which account it became; that is the survivor now
		em.createNativeQuery("update lead set converted_account_id = :to where converted_account_id = :from")
			.setParameter("to", merge.survivor().value())
			.setParameter("from", merge.merged().value())
			.executeUpdate();
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ContactsMerged merge) {
		em.createNativeQuery("update lead set converted_contact_id = :to where converted_contact_id = :from")
			.setParameter("to", merge.survivor().value())
			.setParameter("from", merge.merged().value())
			.executeUpdate();
	}
}
