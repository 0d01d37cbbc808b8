package org.rapport.sales.contracts.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Contracts extends JpaRepository<Contract, UUID> {

	/** The contract that holds the external id, whoever may see it. */
	java.util.Optional<Contract> findByExternalId(String externalId);

	@Query("select c from Contract c where c.accountId = :account order by c.endDate desc, c.id desc")
	List<Contract> findByAccount(UUID account, Pageable page);

	/** Contracts whose status the calendar moves on the day: drafts that start, running ones that end. */
	@Query("select c.id from Contract c where (c.status = org.rapport.sales.contracts.internal.ContractStatus.DRAFT "
			+ "and c.startDate <= :today) or (c.status = org.rapport.sales.contracts.internal.ContractStatus.ACTIVE "
			+ "and c.endDate < :today) order by c.id")
	List<UUID> dueOn(LocalDate today);

	/** Value of an account's running contracts, per currency. */
	@Query("select c.value.currency, sum(c.value.amount) from Contract c where c.accountId = :account "
			+ "and c.status = org.rapport.sales.contracts.internal.ContractStatus.ACTIVE group by c.value.currency "
			+ "order by c.value.currency")
	List<Object[]> activeValueOf(UUID account);

	/** The contracts of these accounts that ran or run, for the lifecycle rules. */
	@Query("select c from Contract c where c.accountId in :accounts and c.status in ("
			+ "org.rapport.sales.contracts.internal.ContractStatus.ACTIVE, "
			+ "org.rapport.sales.contracts.internal.ContractStatus.EXPIRED, "
			+ "org.rapport.sales.contracts.internal.ContractStatus.RENEWED, "
			+ "org.rapport.sales.contracts.internal.ContractStatus.TERMINATED)")
	List<Contract> startedOf(java.util.Collection<UUID> accounts);
}
