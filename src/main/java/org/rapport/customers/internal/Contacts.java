package org.rapport.customers.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Contacts extends JpaRepository<Contact, UUID> {

	long countByOwnerId(UUID ownerId);

	/** The contact that holds the external id, whoever may see it. */
	java.util.Optional<Contact> findByExternalId(String externalId);

	@Query("select c from Contact c left join fetch c.account where c.id = :id")
	java.util.Optional<Contact> findWithAccount(UUID id);

	long countByAccountId(UUID accountId);

	@Query("select c from Contact c where c.account.id = :account order by c.lastName, c.firstName, c.id")
	List<Contact> findByAccount(UUID account, Pageable page);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Contact c set c.account = null, c.version = c.version + 1 where c.account.id = :account")
	int detachFromAccount(UUID account);

	/** Moves every contact of one account to another, as a merge of the accounts does. */
	@Modifying(flushAutomatically = true)
	@Query(value = "update contact set account_id = :to, version = version + 1, updated_at = :at where account_id = :from",
			nativeQuery = true)
	int moveToAccount(UUID from, UUID to, java.time.Instant at);

	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("delete from Contact c where c.account.id = :account")
	int deleteByAccount(UUID account);
}
