package org.rapport.customization.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.UuidV7;

/**
 * A list's filters, sort and page size saved under a name: private to its owner, or shared with the owner's
 * team; one of a user's views of a list may be their default.
 */
@Entity
@Table(name = "saved_view")
public class SavedView {

	@Id
	private UUID id;

	@Version
	private long version;

	@Column(name = "owner_id", nullable = false)
	private UUID ownerId;

	/** The team it is shared with, or null while it is private. */
	@Column(name = "team_id")
	private UUID teamId;

	@Column(name = "list_key", nullable = false)
	private String list;

	@Column(nullable = false)
	private String name;

	@Column(name = "query_string", nullable = false)
	private String query;

	@Column(name = "is_default", nullable = false)
	private boolean defaultView;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected SavedView() {
	}

	SavedView(UUID ownerId, String list, String name, String query, Instant now) {
		this.id = UuidV7.next();
		this.ownerId = ownerId;
		this.list = list;
		this.createdAt = now;
		describe(name, query, now);
	}

	void describe(String name, String query, Instant now) {
		this.name = name.strip();
		this.query = query;
		this.updatedAt = now;
	}

	void share(UUID team, Instant now) {
		this.teamId = team;
		this.updatedAt = now;
	}

	void makeDefault(boolean isDefault, Instant now) {
		this.defaultView = isDefault;
		this.updatedAt = now;
	}

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

	public boolean isShared() {
		return teamId != null;
	}

	public String getList() {
		return list;
	}

	public String getName() {
		return name;
	}

	public String getQuery() {
		return query;
	}

	public boolean isDefaultView() {
		return defaultView;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}
}
