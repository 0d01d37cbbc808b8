package org.rapport.support.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CaseComments extends JpaRepository<CaseComment, UUID> {

	@Query("select c from CaseComment c where c.caseId = :caseId order by c.createdAt, c.id")
	List<CaseComment> ofCase(UUID caseId);

	/** The cases whose conversation holds a message with one of these Message-IDs. */
	@Query("select distinct c.caseId from CaseComment c where c.messageId in :messageIds")
	List<UUID> casesOfMessages(java.util.Collection<String> messageIds);
}
