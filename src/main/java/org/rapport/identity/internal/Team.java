package org.rapport.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.rapport.identity.TeamId;
import org.rapport.identity.TeamSummary;

/**
 * A group of users who share their records.
 */
@Entity
@Table(name = "team")
public class Team {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private long version;

	@Column(nullable = false, unique = true)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Team() {
	}

	Team(String name, Instant now) {
		this.createdAt = now;
		rename(name);
	}

	void rename(String name) {
		this.name = name.strip();
	}

	TeamSummary summary() {
		return new TeamSummary(new TeamId(id), name);
	}

	public UUID getId() {
		return id;
	}

	public long getVersion() {
		return version;
	}

	public String getName() {
		return name;
	}
}
