package org.rapport.sales.opportunities.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Pipelines extends JpaRepository<Pipeline, UUID> {

	@EntityGraph(attributePaths = "stages")
	@Query("select p from Pipeline p order by p.position, p.name")
	List<Pipeline> findAllWithStages();

	@EntityGraph(attributePaths = "stages")
	@Query("select p from Pipeline p where p.id = :id")
	Optional<Pipeline> findWithStages(UUID id);

	@EntityGraph(attributePaths = "stages")
	@Query("select p from Pipeline p where p.defaultPipeline = true")
	Optional<Pipeline> findDefault();

	boolean existsByNameIgnoreCase(String name);

	@Query("select coalesce(max(p.position), -1) + 1 from Pipeline p")
	int nextPosition();
}
