package org.rapport.support.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BusinessCalendars extends JpaRepository<BusinessCalendar, UUID> {

	@Query("select c from BusinessCalendar c order by c.name, c.id")
	List<BusinessCalendar> inOrder();

	Optional<BusinessCalendar> findByNameIgnoreCase(String name);
}
