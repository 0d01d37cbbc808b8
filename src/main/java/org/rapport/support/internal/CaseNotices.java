package org.rapport.support.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseNotices extends JpaRepository<CaseNotice, UUID> {

	/** Notices not sent yet that may go out by {@code now}, the earliest first. */
	@Query("select n.id from CaseNotice n where n.sent = false and n.sendAt <= :now order by n.sendAt, n.id")
	List<UUID> dueBy(Instant now, Pageable page);

	@Query("select n from CaseNotice n where n.caseId = :caseId order by n.sendAt, n.id")
	List<CaseNotice> ofCase(UUID caseId);
}
