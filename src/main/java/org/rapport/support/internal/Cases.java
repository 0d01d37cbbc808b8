package org.rapport.support.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Cases extends JpaRepository<SupportCase, UUID> {

	java.util.Optional<SupportCase> findByNumber(String number);

	/** The open cases under a contract, oldest first. */
	@Query("select c from SupportCase c where c.contractId = :contract and c.open = true order by c.createdAt, c.id")
	List<SupportCase> openUnderContract(UUID contract);

	/** A lead's cases, oldest first. */
	@Query("select c from SupportCase c where c.leadId = :lead order by c.createdAt, c.id")
	List<SupportCase> findByLeadId(UUID lead);

	/** The open cases whose next SLA event fell due by {@code now}, the earliest first. */
	@Query("select c.id from SupportCase c where c.nextEscalationAt <= :now and c.open = true "
			+ "order by c.nextEscalationAt, c.id")
	List<UUID> dueForEscalation(java.time.Instant now, org.springframework.data.domain.Pageable page);

	/** The number of an account's cases, open and in all, and of its cases held to a policy that met every target. */
	@Query("select count(c), sum(case when c.open = true then 1 else 0 end), "
			+ "sum(case when c.policyId is not null then 1 else 0 end), "
			+ "sum(case when c.policyId is not null and c.slaBreached = false then 1 else 0 end) "
			+ "from SupportCase c where c.accountId = :account")
	List<Object[]> countsOf(UUID account);
}
