package org.rapport.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Teams extends JpaRepository<Team, UUID> {

	List<Team> findAllByOrderByName();

	List<Team> findByIdIn(Collection<UUID> ids);

	Optional<Team> findByNameIgnoreCase(String name);
}
