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
import org.rapport.customers.MergeKind;

/**
 * A line of the merge log; written once, never changed.
 */
@Entity
@Table(name = "merge_log")
class MergeRecord {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MergeKind kind;

	@Column(name = "survivor_id", nullable = false)
	private UUID survivorId;

	@Column(name = "merged_id", nullable = false)
	private UUID mergedId;

	@Column(name = "merged_label", nullable = false)
	private String mergedLabel;

	@Column(name = "merged_values", nullable = false)
	private String mergedValues;

	@Column(name = "chosen_fields", nullable = false)
	private String chosenFields;

	@Column(name = "merged_by")
	private UUID mergedBy;

	@Column(name = "merged_at", nullable = false)
	private Instant mergedAt;

	protected MergeRecord() {
	}

	MergeRecord(MergeKind kind, UUID survivorId, UUID mergedId, String mergedLabel, String mergedValues,
			String chosenFields, UUID mergedBy, Instant mergedAt) {
		this.kind = kind;
		this.survivorId = survivorId;
		this.mergedId = mergedId;
		this.mergedLabel = mergedLabel;
		this.mergedValues = mergedValues;
		this.chosenFields = chosenFields;
		this.mergedBy = mergedBy;
		this.mergedAt = mergedAt;
	}

	UUID getId() {
		return id;
	}

	MergeKind getKind() {
		return kind;
	}

	UUID getSurvivorId() {
		return survivorId;
	}

	UUID getMergedId() {
		return mergedId;
	}

	String getMergedLabel() {
		return mergedLabel;
	}

	String getMergedValues() {
		return mergedValues;
	}

	String getChosenFields() {
		return chosenFields;
	}

	UUID getMergedBy() {
		return mergedBy;
	}

	Instant getMergedAt() {
		return mergedAt;
	}
}
