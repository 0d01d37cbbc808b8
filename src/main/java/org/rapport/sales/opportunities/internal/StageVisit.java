package org.rapport.sales.opportunities.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * A stay of an opportunity in one stage: when it entered, when it left (if it did) and who moved it there.
 */
@Entity
@Table(name = "opportunity_stage_history")
public class StageVisit {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "opportunity_id")
	private Opportunity opportunity;

	@Column(name = "stage_id", nullable = false)
	private UUID stageId;

	@Column(name = "stage_name", nullable = false)
	private String stageName;

	@Column(name = "entered_at", nullable = false)
	private Instant enteredAt;

	@Column(name = "left_at")
	private Instant leftAt;

	@Column(name = "changed_by")
	private UUID changedBy;

	protected StageVisit() {
	}

	StageVisit(Opportunity opportunity, Stage stage, Instant enteredAt, UUID changedBy) {
		this.opportunity = opportunity;
		this.stageId = stage.getId();
		this.stageName = stage.getName();
		this.enteredAt = enteredAt;
		this.changedBy = changedBy;
	}

	void leave(Instant at) {
		if (leftAt == null) {
			leftAt = at;
		}
	}

	/** How long the opportunity stayed, or has stayed so far. */
	public Duration timeSpent(Instant now) {
		return Duration.between(enteredAt, leftAt == null ? now : leftAt);
	}

	public UUID getStageId() {
		return stageId;
	}

	public String getStageName() {
		return stageName;
	}

	public Instant getEnteredAt() {
		return enteredAt;
	}

	public Instant getLeftAt() {
		return leftAt;
	}

	public UUID getChangedBy() {
		return changedBy;
	}
}
