package org.rapport.customers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rapport.customers.LifecycleStage;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
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

	/**
	 * Sets the stage of an account that still holds {@code from}, without loading it, counting the change in its
	 * version; answers 0 when another move came first.
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("update Account a set a.lifecycleStage = :to, a.version = a.version + 1, a.updatedAt = :at "
			+ "where a.id = :account and a.lifecycleStage = :from")
	int moveAccount(UUID account, LifecycleStage from, LifecycleStage to, Instant at);
}
