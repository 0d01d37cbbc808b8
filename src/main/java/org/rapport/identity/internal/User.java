package org.rapport.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.identity.UserSummary;

/**
 * A person who signs in to Rapport.
 */
@Entity
@Table(name = "app_user")
public class User {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private long version;

	@Column(nullable = false, unique = true)
	private String username;

	@Column(name = "display_name", nullable = false)
	private String displayName;

	private String email;

	@Column(name = "password_hash", nullable = false)
	private String passwordHash;

	@Convert(converter = RolesConverter.class)
	@Column(nullable = false)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Column(name = "team_id")
	private UUID teamId;

	@Column(nullable = false)
	private String locale;

	@Column(name = "time_zone", nullable = false)
	private String timeZone;

	@Column(nullable = false)
	private boolean active = true;

	/** Changes when the user's sessions must end: on deactivation and with a new password. */
	@Column(name = "security_stamp", nullable = false)
	private long securityStamp;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected User() {
	}

	User(String username, String displayName, String email, String passwordHash, Set<Role> roles, TeamId team,
			Locale locale, ZoneId zone, Instant now) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.createdAt = now;
		describe(displayName, email, roles, team, locale, zone, true, now);
	}

	void describe(String displayName, String email, Set<Role> roles, TeamId team, Locale locale, ZoneId zone,
			boolean active, Instant now) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A user needs at least one role");
		}
		this.displayName = displayName;
		this.email = email;
		this.roles = EnumSet.copyOf(roles);
		this.teamId = team == null ? null : team.value();
		this.locale = locale.toLanguageTag();
		this.timeZone = zone.getId();
		if (this.active && !active) {
			securityStamp++;
		}
		this.active = active;
		this.updatedAt = now;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.securityStamp++;
		this.updatedAt = now;
	}

	void preferLocale(Locale locale, Instant now) {
		this.locale = locale.toLanguageTag();
		this.updatedAt = now;
	}

	UserSummary summary() {
		return new UserSummary(userId(), username, displayName, team(), active, email);
	}

	public UserId userId() {
		return new UserId(id);
	}

	public TeamId team() {
		return teamId == null ? null : new TeamId(teamId);
	}

	public UUID getId() {
		return id;
	}

	public long getVersion() {
		return version;
	}

	public String getUsername() {
		return username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public String getEmail() {
		return email;
	}

	String getPasswordHash() {
		return passwordHash;
	}

	public Set<Role> getRoles() {
		return EnumSet.copyOf(roles);
	}

	public UUID getTeamId() {
		return teamId;
	}

	public Locale getLocale() {
		return Locale.forLanguageTag(locale);
	}

	public ZoneId getTimeZone() {
		return ZoneId.of(timeZone);
	}

	public boolean isActive() {
		return active;
	}

	long getSecurityStamp() {
		return securityStamp;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}
}
