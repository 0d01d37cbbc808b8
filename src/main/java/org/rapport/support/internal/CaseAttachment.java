package org.rapport.support.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.UuidV7;

/** A file attached to a case; its content lies in the data folder (see {@link CaseAttachments}). */
@Entity
@Table(name = "case_attachment")
public class CaseAttachment extends org.rapport.shared.InsertedOnce {

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Column(name = "comment_id", updatable = false)
	private UUID commentId;

	@Column(name = "file_name", nullable = false, updatable = false)
	private String fileName;

	@Column(name = "content_type", nullable = false, updatable = false)
	private String contentType;

	@Column(name = "size_bytes", nullable = false, updatable = false)
	private long size;

	@Column(nullable = false, updatable = false)
	private String sha256;

	@Column(name = "created_by", updatable = false)
	private UUID createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected CaseAttachment() {
	}

	CaseAttachment(UUID caseId, UUID commentId, String fileName, String contentType, long size, String sha256,
			UUID createdBy, Instant createdAt) {
		this.id = UuidV7.next();
		this.caseId = caseId;
		this.commentId = commentId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.size = size;
		this.sha256 = sha256;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return id;
	}

	public UUID getCaseId() {
		return caseId;
	}

	public UUID getCommentId() {
		return commentId;
	}

	public String getFileName() {
		return fileName;
	}

	public String getContentType() {
		return contentType;
	}

	public long getSize() {
		return size;
	}

	public String getSha256() {
		return sha256;
	}

	public UUID getCreatedBy() {
		return createdBy;
	}

	/** Whether the customer sent it, by e-mail. */
	public boolean isFromCustomer() {
		return createdBy == null;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
