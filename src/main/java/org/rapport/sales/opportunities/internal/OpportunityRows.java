package org.rapport.sales.opportunities.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * The stored opportunities.
 */
public interface OpportunityRows extends JpaRepository<Opportunity, UUID> {

	long countByStageId(UUID stageId);

	/** The opportunity that holds the external id, whoever may see it. */
	java.util.Optional<Opportunity> findByExternalId(String externalId);

	@Query("select o.stageId, count(o) from Opportunity o group by o.stageId")
	List<Object[]> countPerStage();

	@Query("select o from Opportunity o left join fetch o.lines where o.id = :id")
	java.util.Optional<Opportunity> findWithLines(UUID id);

	@Query("select v from StageVisit v where v.opportunity.id = :id order by v.enteredAt")
	List<StageVisit> historyOf(UUID id);

	@Query("select o from Opportunity o where o.accountId = :account order by o.closeDate desc, o.id")
	List<Opportunity> findByAccount(UUID account, org.springframework.data.domain.Pageable page);

	/** Moves every opportunity of one stage to another, for removing a stage. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Opportunity o set o.stageId = :to, o.probability = :probability, o.stageEnteredAt = :now, "
			+ "o.version = o.version + 1 where o.stageId = :from")
	int moveAll(UUID from, UUID to, int probability, Instant now);

	@Query("select min(o.boardRank) from Opportunity o where o.stageId = :stage")
	Long topRank(UUID stage);
}
