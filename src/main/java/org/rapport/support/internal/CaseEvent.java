package org.rapport.support.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.UuidV7;

/** Something that happened to a case that no person wrote, such as an escalation, kept on the case's history. */
@Entity
@Table(name = "case_event")
public class CaseEvent extends org.rapport.shared.InsertedOnce {

	/** The kind of an escalation's event; its detail names the SLA event that caused it. */
	public static final String ESCALATED = "ESCALATED";

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Column(nullable = false, updatable = false)
	private String kind;

	@Column(updatable = false)
	private Integer level;

	@Column(updatable = false)
	private String detail;

	@Column(nullable = false, updatable = false)
	private Instant at;

	protected CaseEvent() {
	}

	CaseEvent(UUID caseId, String kind, Integer level, String detail, Instant at) {
		this.id = UuidV7.next();
		this.caseId = caseId;
		this.kind = kind;
		this.level = level;
		this.detail = detail;
		this.at = at;
	}

	public UUID getId() {
		return id;
	}

	public UUID getCaseId() {
		return caseId;
	}

	public String getKind() {
		return kind;
	}

	public Integer getLevel() {
		return level;
	}

	public String getDetail() {
		return detail;
	}

	public Instant getAt() {
		return at;
	}
}
