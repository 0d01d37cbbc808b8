package org.rapport.customers.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LifecycleChanges extends JpaRepository<LifecycleChange, UUID> {

	@Query("select c from LifecycleChange c where c.accountId = :account order by c.changedAt desc, c.id desc")
	List<LifecycleChange> latestOf(UUID account, Pageable page);

	default Optional<LifecycleChange> lastOf(UUID account) {
		return latestOf(account, Pageable.ofSize(1)).stream().findFirst();
	}

	/** The stage and the time of the last move of each of these accounts (null for none yet). */
	@Query("select a.id, a.lifecycleStage, (select max(c.changedAt) from LifecycleChange c where c.accountId = a.id) "
			+ "from Account a where a.id in :accounts")
	List<Object[]> statusesOf(java.util.Collection<UUID> accounts);
}
