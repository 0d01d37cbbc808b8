package org.rapport.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Users extends JpaRepository<User, UUID> {

	Optional<User> findByUsernameIgnoreCase(String username);

	List<User> findByActiveTrueOrderByDisplayName();

	List<User> findAllByOrderByDisplayName();

	List<User> findByActiveTrueOrderByCreatedAtAscIdAsc();

	List<User> findByIdIn(Collection<UUID> ids);

	List<User> findByTeamIdAndActiveTrueOrderByDisplayName(UUID teamId);
}
