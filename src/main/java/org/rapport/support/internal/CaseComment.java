package org.rapport.support.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.InvalidField;
import org.rapport.shared.UuidV7;

/**
 * A comment on a case: internal among agents, or public, which the customer reads. A customer's reply is public and
 * has no author, only the sender's address; a message received or sent by e-mail keeps its Message-ID.
 */
@Entity
@Table(name = "case_comment")
public class CaseComment extends org.rapport.shared.InsertedOnce {

	public static final int MAX_BODY = 20_000;

	@Id
	private UUID id;

	@Column(name = "case_id", nullable = false, updatable = false)
	private UUID caseId;

	@Column(name = "author_id", updatable = false)
	private UUID authorId;

	@Column(name = "author_email", updatable = false)
	private String authorEmail;

	@Column(name = "public_reply", nullable = false, updatable = false)
	private boolean publicReply;

	@Column(nullable = false, updatable = false)
	private String body;

	@Column(name = "message_id")
	private String messageId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected CaseComment() {
	}

	private CaseComment(UUID caseId, UUID authorId, String authorEmail, boolean publicReply, String body, Instant at) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > MAX_BODY) {
			throw new InvalidField("body", "support.comment.body", "Write a comment of up to {0} characters", MAX_BODY);
		}
		this.id = UuidV7.next();
		this.caseId = caseId;
		this.authorId = authorId;
		this.authorEmail = authorEmail;
		this.publicReply = publicReply;
		this.body = text;
		this.createdAt = at;
	}

	/** An agent's comment, public or internal. */
	static CaseComment byAgent(UUID caseId, UUID agent, boolean publicReply, String body, Instant at) {
		return new CaseComment(caseId, agent, null, publicReply, body, at);
	}

	/** The customer's reply, from their address. */
	static CaseComment byCustomer(UUID caseId, String email, String body, String messageId, Instant at) {
		CaseComment reply = new CaseComment(caseId, null, email, true, body, at);
		reply.messageId = messageId;
		return reply;
	}

	void sentAs(String messageId) {
		this.messageId = messageId;
	}

	public UUID getId() {
		return id;
	}

	public UUID getCaseId() {
		return caseId;
	}

	public UUID getAuthorId() {
		return authorId;
	}

	public String getAuthorEmail() {
		return authorEmail;
	}

	public boolean isPublicReply() {
		return publicReply;
	}

	/** Whether the customer wrote it. */
	public boolean isFromCustomer() {
		return authorId == null;
	}

	public String getBody() {
		return body;
	}

	public String getMessageId() {
		return messageId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}
}
