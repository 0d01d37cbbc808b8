package org.rapport.search.internal;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.rapport.search.RecordsWrittenInBulk;
import org.rapport.search.SearchableKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Indexes the records that imports write: those go to the database in JDBC batches, past the entity manager that
 * the index follows on its own. One event per batch names the records; they are read back in one query and handed
 * to the outbox in this listener's transaction, from which the index takes them as it takes every save. Records an
 * undone import deleted leave the index.
 */
@Component
class ImportedRecordsIndexer {

	private static final Logger log = LoggerFactory.getLogger(ImportedRecordsIndexer.class);

	private final EntityManager em;
	private final SearchableKinds kinds;

	ImportedRecordsIndexer(EntityManager em, SearchableKinds kinds) {
		this.em = em;
		this.kinds = kinds;
	}

	@ApplicationModuleListener
	void on(RecordsWrittenInBulk batch) {
		SearchableKind kind = kinds.ofCode(batch.searchKind()).orElse(null);
		if (kind == null) {
			log.warn("Records of the kind {} were written in bulk, but no searchable kind has that code",
					batch.searchKind());
			return;
		}
		SearchSession session = Search.session(em);
		SearchIndexingPlan plan = session.indexingPlan();
		batch.removedIds().forEach(id -> plan.purge(kind.entityName(), id, null));
		List<UUID> ids = batch.writtenIds();
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
