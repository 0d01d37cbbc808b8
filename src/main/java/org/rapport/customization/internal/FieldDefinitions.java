package org.rapport.customization.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FieldDefinitions extends JpaRepository<FieldDefinition, UUID> {

	List<FieldDefinition> findByEntityOrderByPositionAscKeyAsc(String entity);

	Optional<FieldDefinition> findByEntityAndKey(String entity, String key);

	@Query("select coalesce(max(f.position), 0) from FieldDefinition f where f.entity = ?1")
	int lastPosition(String entity);
}
