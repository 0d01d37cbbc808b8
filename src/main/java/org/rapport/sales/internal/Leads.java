package org.rapport.sales.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Leads extends JpaRepository<Lead, UUID> {

	@Query("select l from Lead l where l.convertedAccountId = :account order by l.convertedAt desc, l.id desc")
	List<Lead> findConvertedInto(UUID account, Pageable page);
}
