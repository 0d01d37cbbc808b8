package org.rapport.customers.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.rapport.customers.LifecycleStage;

/**
 * One move of an account between lifecycle stages: from, to, when, why and, for a person's move, by whom.
 */
@Entity
@Table(name = "lifecycle_history")
public class LifecycleChange {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Column(name = "account_id", nullable = false, updatable = false)
	private UUID accountId;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_stage", nullable = false, updatable = false)
	private LifecycleStage from;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_stage", nullable = false, updatable = false)
	private LifecycleStage to;

	@Column(nullable = false, updatable = false)
	private String reason;

	@Column(name = "changed_at", nullable = false, updatable = false)
	private Instant changedAt;

	@Column(name = "changed_by", updatable = false)
	private UUID changedBy;

	protected LifecycleChange() {
	}

	LifecycleChange(UUID accountId, LifecycleStage from, LifecycleStage to, String reason, Instant changedAt,
			UUID changedBy) {
		this.accountId = accountId;
		this.from = from;
		this.to = to;
		this.reason = reason;
		this.changedAt = changedAt;
		this.changedBy = changedBy;
	}

	public UUID getId() {
		return id;
	}

	public UUID getAccountId() {
		return accountId;
	}

	public LifecycleStage getFrom() {
		return from;
	}

	public LifecycleStage getTo() {
		return to;
	}

	public String getReason() {
		return reason;
	}

	public Instant getChangedAt() {
		return changedAt;
	}

	public UUID getChangedBy() {
		return changedBy;
	}
}
