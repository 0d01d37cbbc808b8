package org.rapport.notifications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rapport.notifications.Notice;
import org.rapport.shared.UuidV7;
import org.springframework.data.domain.Persistable;

/** A notice in a user's notification centre, read or not. */
@Entity
@Table(name = "notification")
public class Notification implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "recipient_id", nullable = false, updatable = false)
	private UUID recipientId;

	@Column(nullable = false, updatable = false)
	private String kind;

	@Column(name = "message_key", nullable = false, updatable = false)
	private String messageKey;

	/** The arguments of the message, as {@link Arguments} writes them. */
	@Column(updatable = false)
	private String arguments;

	@Column(updatable = false)
	private String link;

	@Column(name = "sender_id", updatable = false)
	private UUID senderId;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "read_at")
	private Instant readAt;

	/** Whether it is in the database: saving a new one inserts it without reading first. */
	@Transient
	private boolean stored;

	protected Notification() {
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}

	@Override
	public boolean isNew() {
		return !stored;
	}

	Notification(Notice notice, Instant now) {
		this.id = UuidV7.next();
		this.recipientId = notice.recipient().value();
		this.kind = notice.kind();
		this.messageKey = notice.messageKey();
		this.arguments = Arguments.write(notice.arguments());
		this.link = notice.link();
		this.senderId = notice.sender() == null ? null : notice.sender().value();
		this.createdAt = now;
	}

	/** Marks it read; one read already keeps when it was. */
	void read(Instant now) {
		if (readAt == null) {
			readAt = now;
		}
	}

	public UUID getId() {
		return id;
	}

	public UUID getRecipientId() {
		return recipientId;
	}

	public String getKind() {
		return kind;
	}

	public String getMessageKey() {
		return messageKey;
	}

	public List<String> getArguments() {
		return Arguments.read(arguments);
	}

	/** The arguments as an array, for a message source. */
	public Object[] argumentArray() {
		return getArguments().toArray();
	}

	public String getLink() {
		return link;
	}

	public UUID getSenderId() {
		return senderId;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getReadAt() {
		return readAt;
	}

	public boolean isRead() {
		return readAt != null;
	}
}
