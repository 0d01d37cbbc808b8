package org.rapport.support.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SlaPolicies extends JpaRepository<SlaPolicy, UUID> {

	/** The policies in the order they are tried. */
	@Query("select p from SlaPolicy p order by p.position, p.name, p.id")
	List<SlaPolicy> inOrder();

	Optional<SlaPolicy> findByNameIgnoreCase(String name);

	@Query("select count(p) from SlaPolicy p where p.calendarId = :calendar")
	long countByCalendar(UUID calendar);
}
