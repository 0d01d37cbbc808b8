package org.rapport.search.internal;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountsImported;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactsImported;
import org.rapport.sales.ContractId;
import org.rapport.sales.ContractsImported;
import org.rapport.sales.LeadId;
import org.rapport.sales.LeadsImported;
import org.rapport.sales.OpportunitiesImported;
import org.rapport.sales.OrderId;
import org.rapport.sales.OrdersImported;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.ProductId;
import org.rapport.sales.ProductsImported;
import org.rapport.search.RecordKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Indexes the records that imports write: those go to the database in JDBC batches, past the entity manager that
 * the index follows on its own. One event per batch names the records; they are read back in one query and added
 * to the index when this listener's transaction commits. Records an undone import deleted leave the index.
 */
@Component
class ImportedRecordsIndexer {

	private final EntityManager em;

	ImportedRecordsIndexer(EntityManager em) {
		this.em = em;
	}

	@ApplicationModuleListener
	void on(AccountsImported batch) {
		index(RecordKind.ACCOUNT, batch.created(), batch.updated(), batch.removed(), AccountId::value);
	}

	@ApplicationModuleListener
	void on(ContactsImported batch) {
		index(RecordKind.CONTACT, batch.created(), batch.updated(), batch.removed(), ContactId::value);
	}

	@ApplicationModuleListener
	void on(LeadsImported batch) {
		index(RecordKind.LEAD, batch.created(), batch.updated(), batch.removed(), LeadId::value);
	}

	@ApplicationModuleListener
	void on(OpportunitiesImported batch) {
		index(RecordKind.OPPORTUNITY, batch.created(), batch.updated(), batch.removed(), OpportunityId::value);
	}

	@ApplicationModuleListener
	void on(ContractsImported batch) {
		index(RecordKind.CONTRACT, batch.created(), batch.updated(), batch.removed(), ContractId::value);
	}

	@ApplicationModuleListener
	void on(OrdersImported batch) {
		index(RecordKind.ORDER, batch.created(), batch.updated(), batch.removed(), OrderId::value);
	}

	@ApplicationModuleListener
	void on(ProductsImported batch) {
		index(RecordKind.PRODUCT, batch.created(), batch.updated(), batch.removed(), ProductId::value);
	}

	private <I> void index(RecordKind kind, List<I> created, List<I> updated, List<I> removed,
			Function<I, UUID> value) {
		SearchSession session = Search.session(em);
		// An import's batch does not wait for the index to refresh, which would cut the index into a small segment
		// per batch; the index takes the documents in its own time (within about a second).
		session.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async());
		SearchIndexingPlan plan = session.indexingPlan();
		removed.forEach(id -> plan.purge(kind.entityName(), value.apply(id), null));
		List<UUID> ids = new ArrayList<>(created.size() + updated.size());
		created.forEach(id -> ids.add(value.apply(id)));
		updated.forEach(id -> ids.add(value.apply(id)));
		if (ids.isEmpty()) {
			return;
		}
		em.createQuery("select r from " + kind.entityName() + " r where r.id in :ids", Object.class)
			.setParameter("ids", ids)
			.setHint(HibernateHints.HINT_READ_ONLY, true)
			.getResultList()
			.forEach(plan::addOrUpdate);
	}
}
