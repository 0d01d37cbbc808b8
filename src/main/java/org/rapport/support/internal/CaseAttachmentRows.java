package org.rapport.support.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseAttachmentRows extends JpaRepository<CaseAttachment, UUID> {

	@Query("select a from CaseAttachment a where a.caseId = :caseId order by a.createdAt, a.id")
	List<CaseAttachment> ofCase(UUID caseId);
}
