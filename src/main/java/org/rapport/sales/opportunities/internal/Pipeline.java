package org.rapport.sales.opportunities.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rapport.sales.PipelineId;
import org.rapport.sales.StageKind;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.UuidV7;

/**
 * A sales process: ordered stages an opportunity moves through, ending in won or lost.
 */
@Entity
@Table(name = "pipeline")
public class Pipeline {

	@Id
	private UUID id;

	@Version
	private long version;

	@Column(nullable = false)
	private String name;

	@Column(name = "is_default", nullable = false)
	private boolean defaultPipeline;

	@Column(nullable = false)
	private int position;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@OneToMany(mappedBy = "pipeline", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<Stage> stages = new ArrayList<>();

	protected Pipeline() {
	}

	public Pipeline(String name, int position, Instant now) {
		this.id = UuidV7.next();
		this.createdAt = now;
		this.position = position;
		rename(name);
	}

	public void rename(String name) {
		this.name = name.strip();
	}

	void makeDefault(boolean isDefault) {
		this.defaultPipeline = isDefault;
	}

	/** Adds a stage at the end, before any closing stage when it is an open one. */
	public Stage addStage(String name, int probability, StageKind kind) {
		Stage stage = new Stage(this, name, probability, kind, stages.size());
		int firstClosed = kind != StageKind.OPEN ? stages.size()
				: (int) stages.stream().takeWhile(s -> s.getKind() == StageKind.OPEN).count();
		stages.add(firstClosed, stage);
		renumber();
		return stage;
	}

	/** Puts the stages in the given order; every stage of the pipeline must be named once. */
	public void reorder(List<UUID> order) {
		if (order.size() != stages.size() || !order.containsAll(stages.stream().map(Stage::getId).toList())) {
			throw new IllegalArgumentException("The new order must name each stage of the pipeline once");
		}
		stages.sort((a, b) -> Integer.compare(order.indexOf(a.getId()), order.indexOf(b.getId())));
		renumber();
	}

	/** Removes a stage that no opportunity is in; the caller checks that. */
	void removeStage(UUID stageId) {
		Stage stage = stage(stageId).orElseThrow();
		if (stages.stream().filter(s -> s.getKind() == stage.getKind()).count() == 1 && stage.getKind() != StageKind.OPEN) {
			throw new RuleBroken("pipeline.keepsKind", "A pipeline keeps at least one " + stage.getKind() + " stage",
					String.valueOf(stage.getKind()));
		}
		if (stages.stream().filter(s -> s.getKind() == StageKind.OPEN).count() == 1 && stage.getKind() == StageKind.OPEN) {
			throw new RuleBroken("pipeline.keepsOpen", "A pipeline keeps at least one open stage");
		}
		stages.remove(stage);
		renumber();
	}

	private void renumber() {
		for (int i = 0; i < stages.size(); i++) {
			stages.get(i).placeAt(i);
		}
	}

	public Optional<Stage> stage(UUID stageId) {
		return stages.stream().filter(s -> s.getId().equals(stageId)).findFirst();
	}

	/** Where a new opportunity starts: the first open stage. */
	public Stage firstOpenStage() {
		return stages.stream().filter(s -> s.getKind() == StageKind.OPEN).findFirst()
			.orElseThrow(() -> new IllegalStateException("Pipeline " + name + " has no open stage"));
	}

	public PipelineId pipelineId() {
		return new PipelineId(id);
	}

	public UUID getId() {
		return id;
	}

	public long getVersion() {
		return version;
	}

	public String getName() {
		return name;
	}

	public boolean isDefaultPipeline() {
		return defaultPipeline;
	}

	public int getPosition() {
		return position;
	}

	public List<Stage> getStages() {
		return Collections.unmodifiableList(stages);
	}
}
