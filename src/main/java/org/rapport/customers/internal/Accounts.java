package org.rapport.customers.internal;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Accounts extends JpaRepository<Account, UUID> {

	long countByOwnerId(UUID ownerId);

	/** The account that holds the external id, whoever may see it. */
	java.util.Optional<Account> findByExternalId(String externalId);

	@Query("select a.lifecycleStage, count(a) from Account a where a.ownerId = :owner group by a.lifecycleStage")
	java.util.List<Object[]> countByStageForOwner(UUID owner);
}
