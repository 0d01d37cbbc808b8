package org.rapport.sales.opportunities.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.rapport.sales.BuiltInNames;
import org.rapport.sales.StageKind;
import org.rapport.shared.InvalidField;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the pipelines and their stages; a stage that opportunities are in is not removed until they move. A pipeline
 * and its stages change as one: every change, of a stage too, gives the pipeline a new version, and a change that
 * names a version the pipeline no longer has is refused rather than overwriting what was changed meanwhile.
 */
@Service
@Transactional(readOnly = true)
public class PipelineService {

	private final Pipelines pipelines;
	private final OpportunityRows opportunities;
	private final EntityManager em;
	private final Clock clock;

	PipelineService(Pipelines pipelines, OpportunityRows opportunities, EntityManager em, Clock clock) {
		this.pipelines = pipelines;
		this.opportunities = opportunities;
		this.em = em;
		this.clock = clock;
	}

	public List<Pipeline> all() {
		return pipelines.findAllWithStages();
	}

	public Pipeline get(UUID id) {
		return pipelines.findWithStages(id)
			.orElseThrow(() -> new RecordNotFound("pipeline.notFound", "No pipeline " + id, id));
	}

	/** The pipeline with its stages, if there is one with this id. */
	public java.util.Optional<Pipeline> find(UUID id) {
		return pipelines.findWithStages(id);
	}

	public Pipeline defaultPipeline() {
		return pipelines.findDefault()
			.or(() -> pipelines.findAllWithStages().stream().findFirst())
			.orElseThrow(() -> new IllegalStateException("There is no pipeline"));
	}

	@Transactional
	public Pipeline create(String name) {
		if (pipelines.existsByNameIgnoreCase(name.strip())) {
			throw new InvalidField("name", "validation.pipeline.taken", "A pipeline with this name exists");
		}
		Pipeline pipeline = new Pipeline(name, pipelines.nextPosition(), clock.instant());
		pipeline.addStage(BuiltInNames.OPEN, 10, StageKind.OPEN);
		pipeline.addStage(BuiltInNames.WON, 100, StageKind.WON);
		pipeline.addStage(BuiltInNames.LOST, 0, StageKind.LOST);
		if (pipelines.count() == 0) {
			pipeline.makeDefault(true);
		}
		return pipelines.save(pipeline);
	}

	/** Renames a pipeline or makes it the default, if it is still at the version the caller read. */
	@Transactional
	public Pipeline rename(UUID id, long expectedVersion, String name, boolean makeDefault) {
		Pipeline pipeline = forChange(id, expectedVersion);
		if (!pipeline.getName().equalsIgnoreCase(name.strip()) && pipelines.existsByNameIgnoreCase(name.strip())) {
			throw new InvalidField("name", "validation.pipeline.taken", "A pipeline with this name exists");
		}
		pipeline.rename(name);
		if (makeDefault && !pipeline.isDefaultPipeline()) {
			pipelines.findDefault().ifPresent(other -> other.makeDefault(false));
			pipelines.flush();
			pipeline.makeDefault(true);
		}
		return pipeline;
	}

	@Transactional
	public Stage addStage(UUID pipelineId, String name, int probability, StageKind kind) {
		checkProbability(probability);
		return forChange(pipelineId, null).addStage(name, probability, kind);
	}

	/** Renames a stage or changes its probability or kind, if its pipeline is still at the version the caller read. */
	@Transactional
	public void describeStage(UUID pipelineId, long expectedVersion, UUID stageId, String name, int probability,
			StageKind kind) {
		checkProbability(probability);
		Stage stage = forChange(pipelineId, expectedVersion).stage(stageId)
			.orElseThrow(() -> new RecordNotFound("pipeline.stage.notFound", "No stage " + stageId, stageId));
		if (stage.getKind() != kind && opportunities.countByStageId(stageId) > 0) {
			throw new InvalidField("kind", "validation.stage.kindInUse",
					"Opportunities are in this stage; move them before changing its kind");
		}
		stage.describe(name, probability, kind);
	}

	/** Puts the stages in a new order, if the pipeline is still at the version the caller read. */
	@Transactional
	public void reorder(UUID pipelineId, long expectedVersion, List<UUID> order) {
		forChange(pipelineId, expectedVersion).reorder(order);
	}

	/** Removes a stage, first moving its opportunities to another stage of the pipeline when one is named. */
	@Transactional
	public void removeStage(UUID pipelineId, UUID stageId, UUID moveTo) {
		Pipeline pipeline = forChange(pipelineId, null);
		Stage stage = pipeline.stage(stageId)
			.orElseThrow(() -> new RecordNotFound("pipeline.stage.notFound", "No stage " + stageId, stageId));
		long inUse = opportunities.countByStageId(stageId);
		if (inUse > 0) {
			if (moveTo == null) {
				throw new RuleBroken("pipeline.stage.occupied", inUse
						+ " opportunities are in this stage; name a stage to move them to", String.valueOf(inUse));
			}
			Stage target = pipeline.stage(moveTo)
				.filter(s -> !s.getId().equals(stageId))
				.orElseThrow(() -> new InvalidField("moveTo", "validation.stage.unknown", "No such stage in the pipeline"));
			if (target.getKind() != stage.getKind()) {
				throw new InvalidField("moveTo", "validation.stage.sameKind",
						"Move the opportunities to a stage of the same kind");
			}
			opportunities.moveAll(stageId, target.getId(), target.getProbability(), clock.instant());
		}
		// moving the opportunities cleared the persistence context: work on a freshly loaded pipeline
		forChange(pipelineId, null).removeStage(stageId);
	}

	/**
	 * The pipeline to change, which gets a new version when the transaction commits, whichever of its stages
	 * changes; a concurrent change that commits first makes this one fail rather than overwrite it. A caller that
	 * names the version it read ({@code expectedVersion}) is refused if the pipeline has moved on since.
	 */
	private Pipeline forChange(UUID id, Long expectedVersion) {
		Pipeline pipeline = get(id);
		if (expectedVersion != null && pipeline.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Pipeline.class, id);
		}
		em.lock(pipeline, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		return pipeline;
	}

	private static void checkProbability(int probability) {
		if (probability < 0 || probability > 100) {
			throw new InvalidField("probability", "validation.probability", "A probability lies between 0 and 100");
		}
	}
}
