package org.rapport.support.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.UuidV7;

/** An escalation's notice to a person, held until it may be sent and then sent once. */
@Entity
@Table(name = "case_notice")
class CaseNotice extends org.rapport.shared.InsertedOnce {

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Column(name = "recipient_id", nullable = false, updatable = false)
	private UUID recipientId;

	@Column(nullable = false, updatable = false)
	private int level;

	@Column(name = "send_at", nullable = false, updatable = false)
	private Instant sendAt;

	@Column(nullable = false)
	private boolean sent;

	protected CaseNotice() {
	}

	CaseNotice(UUID caseId, UUID recipientId, int level, Instant sendAt) {
		this.id = UuidV7.next();
		this.caseId = caseId;
		this.recipientId = recipientId;
		this.level = level;
		this.sendAt = sendAt;
	}

	void markSent() {
		this.sent = true;
	}

	UUID getCaseId() {
		return caseId;
	}

	UUID getRecipientId() {
		return recipientId;
	}

	int getLevel() {
		return level;
	}

	Instant getSendAt() {
		return sendAt;
	}

	boolean isSent() {
		return sent;
	}

	@Override
	public UUID getId() {
		return id;
	}
}
