package org.rapport.sales.internal;

import java.util.List;
import java.util.UUID;
import org.rapport.sales.BuiltInNames;
import org.rapport.sales.StageKind;
import org.rapport.shared.InvalidField;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.RuleBroken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the pipelines and their stages; a stage that opportunities are in is not removed until they move.
 */
@Service
@Transactional(readOnly = true)
public class PipelineService {

	private final Pipelines pipelines;
	private final OpportunityRows opportunities;

	PipelineService(Pipelines pipelines, OpportunityRows opportunities) {
		this.pipelines = pipelines;
		this.opportunities = opportunities;
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
		Pipeline pipeline = new Pipeline(name, pipelines.nextPosition());
		pipeline.addStage(BuiltInNames.OPEN, 10, StageKind.OPEN);
		pipeline.addStage(BuiltInNames.WON, 100, StageKind.WON);
		pipeline.addStage(BuiltInNames.LOST, 0, StageKind.LOST);
		if (pipelines.count() == 0) {
			pipeline.makeDefault(true);
		}
		return pipelines.save(pipeline);
	}

	@Transactional
	public Pipeline rename(UUID id, String name, boolean makeDefault) {
		Pipeline pipeline = get(id);
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
		return get(pipelineId).addStage(name, probability, kind);
	}

	@Transactional
	public void describeStage(UUID pipelineId, UUID stageId, String name, int probability, StageKind kind) {
		checkProbability(probability);
		Stage stage = get(pipelineId).stage(stageId)
			.orElseThrow(() -> new RecordNotFound("pipeline.stage.notFound", "No stage " + stageId, stageId));
		if (stage.getKind() != kind && opportunities.countByStageId(stageId) > 0) {
			throw new InvalidField("kind", "validation.stage.kindInUse",
					"Opportunities are in this stage; move them before changing its kind");
		}
		stage.describe(name, probability, kind);
	}

	@Transactional
	public void reorder(UUID pipelineId, List<UUID> order) {
		get(pipelineId).reorder(order);
	}

	/** Removes a stage, first moving its opportunities to another stage of the pipeline when one is named. */
	@Transactional
	public void removeStage(UUID pipelineId, UUID stageId, UUID moveTo) {
		Pipeline pipeline = get(pipelineId);
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
			opportunities.moveAll(stageId, target.getId(), target.getProbability(), java.time.Instant.now());
		}
		// moving the opportunities cleared the persistence context: work on a freshly loaded pipeline
		get(pipelineId).removeStage(stageId);
	}

	private static void checkProbability(int probability) {
		if (probability < 0 || probability > 100) {
			throw new InvalidField("probability", "validation.probability", "A probability lies between 0 and 100");
		}
	}
}
