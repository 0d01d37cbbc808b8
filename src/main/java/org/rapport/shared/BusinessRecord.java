package org.rapport.shared;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * What every business record carries: a time-ordered id, a version against lost updates, an owner and a team
 * for the visibility rule, and who created and last changed it when.
 */
@MappedSuperclass
@EntityListeners(AuditingEntityListener.class)
public abstract class BusinessRecord<T extends BusinessRecord<T>> extends AbstractAggregateRoot<T>
		implements Persistable<UUID> {

	@Id
	private UUID id;

	@Version
	private long version;

	/** With the team, decides who sees the record (see the visibility rule of the identity module). */
	@Column(name = "owner_id", nullable = false)
	private UUID ownerId;

	@Column(name = "team_id")
	private UUID teamId;

	@CreatedBy
	@Column(name = "created_by", updatable = false)
	private UUID createdBy;

	@CreatedDate
	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@LastModifiedBy
	@Column(name = "updated_by")
	private UUID updatedBy;

	@LastModifiedDate
	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** The values of the custom fields that administrators defined for this kind of record, by field key. */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(name = "custom_fields")
	private Map<String, Object> customFields;

	@Transient
	private boolean stored;

	protected BusinessRecord() {
	}

	/** Gives the record its id at once: its creation event carries it (see {@link UuidV7} for why here). */
	protected BusinessRecord(UUID ownerId, UUID teamId) {
		this.id = UuidV7.next();
		this.ownerId = ownerId;
		this.teamId = teamId;
	}

	protected void assignOwner(UUID ownerId, UUID teamId) {
		if (ownerId == null) {
			throw new IllegalArgumentException("A record needs an owner");
		}
		this.ownerId = ownerId;
		this.teamId = teamId;
	}

	/**
	 * Announces, once the change is written, that {@code by} gave this record of the type to its owner, if its owner
	 * is no longer {@code previousOwner}.
	 */
	public void announceOwner(String type, UUID previousOwner, UUID by) {
		if (previousOwner != null && !previousOwner.equals(getOwnerId())) {
			registerEvent(new RecordAssigned(new RecordRef(type, getId()), getOwnerId(), previousOwner, by));
		}
	}

	/** Takes custom field values that their definitions have checked (see the customization module). */
	public void changeCustomFields(Map<String, Object> values) {
		this.customFields = values == null || values.isEmpty() ? null : new LinkedHashMap<>(values);
	}

	/** The events this record registered that saving it will publish. */
	public java.util.Collection<Object> pendingEvents() {
		return domainEvents();
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

	@Override
	public UUID getId() {
		return id;
	}

	public long getVersion() {
		return version;
	}

	public UUID getOwnerId() {
		return ownerId;
	}

	public UUID getTeamId() {
		return teamId;
	}

	public UUID getCreatedBy() {
		return createdBy;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public UUID getUpdatedBy() {
		return updatedBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	/** The custom field values by key; empty when there are none. */
	public Map<String, Object> getCustomFields() {
		return customFields == null ? Map.of() : Collections.unmodifiableMap(customFields);
	}
}
