package org.rapport.support.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CaseEvents extends JpaRepository<CaseEvent, UUID> {

	@Query("select e from CaseEvent e where e.caseId = :caseId order by e.at, e.id")
	List<CaseEvent> ofCase(UUID caseId);
}
