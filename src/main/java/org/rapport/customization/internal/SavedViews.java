package org.rapport.customization.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SavedViews extends JpaRepository<SavedView, UUID> {

	/** The user's own views of a list and those their team shares, by name. */
	@Query("select v from SavedView v where v.list = :list and (v.ownerId = :owner or v.teamId = :team) "
			+ "order by lower(v.name), v.id")
	List<SavedView> visible(String list, UUID owner, UUID team);

	Optional<SavedView> findByOwnerIdAndListAndDefaultViewTrue(UUID owner, String list);

	boolean existsByOwnerIdAndListAndNameIgnoreCase(UUID owner, String list, String name);
}
