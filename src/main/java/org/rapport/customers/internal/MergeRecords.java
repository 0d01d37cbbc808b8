package org.rapport.customers.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MergeRecords extends JpaRepository<MergeRecord, UUID> {

	@Query("select m from MergeRecord m where m.survivorId = :survivor order by m.mergedAt desc, m.id desc")
	List<MergeRecord> findBySurvivor(UUID survivor, Pageable page);
}
