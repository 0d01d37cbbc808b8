package org.rapport.sales.opportunities.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.rapport.sales.StageId;
import org.rapport.sales.StageKind;
import org.rapport.shared.UuidV7;

/**
 * A step of a pipeline with the chance that an opportunity in it is won.
 */
@Entity
@Table(name = "pipeline_stage")
public class Stage {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "pipeline_id")
	private Pipeline pipeline;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private int probability;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private StageKind kind;

	protected Stage() {
	}

	Stage(Pipeline pipeline, String name, int probability, StageKind kind, int position) {
		this.id = UuidV7.next();
		this.pipeline = pipeline;
		this.position = position;
		describe(name, probability, kind);
	}

	public void describe(String name, int probability, StageKind kind) {
		if (probability < 0 || probability > 100) {
			throw new IllegalArgumentException("A probability lies between 0 and 100");
		}
		this.name = name.strip();
		this.kind = kind;
		this.probability = switch (kind) {
			case WON -> 100;
			case LOST -> 0;
			case OPEN -> probability;
		};
	}

	void placeAt(int position) {
		this.position = position;
	}

	public StageId stageId() {
		return new StageId(id);
	}

	public UUID getId() {
		return id;
	}

	public Pipeline getPipeline() {
		return pipeline;
	}

	public String getName() {
		return name;
	}

	public int getPosition() {
		return position;
	}

	public int getProbability() {
		return probability;
	}

	public StageKind getKind() {
		return kind;
	}
}
