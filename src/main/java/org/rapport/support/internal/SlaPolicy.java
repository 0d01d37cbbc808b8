package org.rapport.support.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.InvalidField;
import org.rapport.shared.UuidV7;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * The service level a case is held to: the cases it applies to (a priority, an account tier, the service level of
 * the case's contract, or several of them; none for any case), its first-response and resolution targets in business minutes of its calendar, and the share of a
 * target from which the case is at risk. Policies are tried in order of position and the first that matches applies.
 */
@Entity
@Table(name = "sla_policy")
@EntityListeners(AuditingEntityListener.class)
public class SlaPolicy {

	/** The longest target: a year of business minutes around the clock. */
	public static final int MAX_MINUTES = 366 * 24 * 60;

	@Id
	private UUID id;

	@Version
	private long version;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private int position;

	@Enumerated(EnumType.STRING)
	@Column(name = "match_priority")
	private CasePriority matchPriority;

	@Column(name = "match_tier")
	private String matchTier;

	@Column(name = "match_service_level")
	private String matchServiceLevel;

	/** The longest contract service level a policy matches, as a contract names it. */
	public static final int MAX_SERVICE_LEVEL = 50;

	@Column(name = "calendar_id", nullable = false)
	private UUID calendarId;

	@Column(name = "first_response_minutes", nullable = false)
	private int firstResponseMinutes;

	@Column(name = "resolution_minutes", nullable = false)
	private int resolutionMinutes;

	@Column(name = "warning_percent", nullable = false)
	private int warningPercent;

	@Column(name = "raise_priority", nullable = false)
	private boolean raisePriority;

	@Column(name = "around_the_clock", nullable = false)
	private boolean aroundTheClock;

	@Column(name = "escalation_team_id")
	private UUID escalationTeamId;

	@Column(nullable = false)
	private boolean active;

	@CreatedDate
	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@LastModifiedDate
	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected SlaPolicy() {
	}

	SlaPolicy(Terms terms) {
		this.id = UuidV7.next();
		change(terms);
	}

	/** New terms, each checked; the policy stays as it was when one is refused. */
	void change(Terms terms) {
		String trimmed = terms.name() == null ? "" : terms.name().strip();
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			throw new InvalidField("name", "support.policy.name", "Give the policy a name of up to 100 characters");
		}
		if (terms.calendarId() == null) {
			throw new InvalidField("calendarId", "support.policy.calendar", "Choose the business calendar of the policy");
		}
		minutes("firstResponseMinutes", terms.firstResponseMinutes());
		minutes("resolutionMinutes", terms.resolutionMinutes());
		if (terms.resolutionMinutes() < terms.firstResponseMinutes()) {
			throw new InvalidField("resolutionMinutes", "support.policy.resolutionFirst",
					"The resolution target is at least as long as the first-response target");
		}
		if (terms.warningPercent() < 1 || terms.warningPercent() > 100) {
			throw new InvalidField("warningPercent", "support.sla.warningPercent",
					"The warning threshold is a percentage of the target from 1 to 100");
		}
		String tier = terms.matchTier() == null || terms.matchTier().isBlank() ? null : terms.matchTier().strip();
		if (tier != null && tier.length() > 100) {
			throw new InvalidField("matchTier", "support.policy.tier", "An account tier has up to 100 characters");
		}
		String level = terms.matchServiceLevel() == null || terms.matchServiceLevel().isBlank() ? null
				: terms.matchServiceLevel().strip();
		if (level != null && level.length() > MAX_SERVICE_LEVEL) {
			throw new InvalidField("matchServiceLevel", "support.policy.serviceLevel",
					"A contract service level has up to {0} characters", MAX_SERVICE_LEVEL);
		}
		this.name = trimmed;
		this.matchServiceLevel = level;
		this.position = terms.position();
		this.matchPriority = terms.matchPriority();
		this.matchTier = tier;
		this.calendarId = terms.calendarId();
		this.firstResponseMinutes = terms.firstResponseMinutes();
		this.resolutionMinutes = terms.resolutionMinutes();
		this.warningPercent = terms.warningPercent();
		this.raisePriority = terms.raisePriority();
		this.aroundTheClock = terms.aroundTheClock();
		this.escalationTeamId = terms.escalationTeamId();
		this.active = terms.active();
	}

	private static void minutes(String field, int minutes) {
		if (minutes < 1 || minutes > MAX_MINUTES) {
			throw new InvalidField(field, "support.policy.minutes",
					"A target is from 1 to {0} business minutes", MAX_MINUTES);
		}
	}

	/**
	 * Whether the policy applies to a case of this priority for an account of this tier (none for a lead's case) under
	 * a contract of this service level (none without a contract), each compared without regard to case.
	 */
	boolean matches(CasePriority priority, String tier, String serviceLevel) {
		return active && (matchPriority == null || matchPriority == priority)
				&& (matchTier == null || matchTier.equalsIgnoreCase(tier == null ? "" : tier.strip()))
				&& (matchServiceLevel == null
						|| matchServiceLevel.equalsIgnoreCase(serviceLevel == null ? "" : serviceLevel.strip()));
	}

	public Duration firstResponseTarget() {
		return Duration.ofMinutes(firstResponseMinutes);
	}

	public Duration resolutionTarget() {
		return Duration.ofMinutes(resolutionMinutes);
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

	public int getPosition() {
		return position;
	}

	public CasePriority getMatchPriority() {
		return matchPriority;
	}

	public String getMatchTier() {
		return matchTier;
	}

	public String getMatchServiceLevel() {
		return matchServiceLevel;
	}

	public UUID getCalendarId() {
		return calendarId;
	}

	public int getFirstResponseMinutes() {
		return firstResponseMinutes;
	}

	public int getResolutionMinutes() {
		return resolutionMinutes;
	}

	public int getWarningPercent() {
		return warningPercent;
	}

	public boolean isRaisePriority() {
		return raisePriority;
	}

	public boolean isAroundTheClock() {
		return aroundTheClock;
	}

	public UUID getEscalationTeamId() {
		return escalationTeamId;
	}

	public boolean isActive() {
		return active;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	/**
	 * What an administrator sets on a policy; an empty priority, tier or contract service level matches any case.
	 */
	public record Terms(String name, int position, CasePriority matchPriority, String matchTier,
			String matchServiceLevel, UUID calendarId, int firstResponseMinutes, int resolutionMinutes,
			int warningPercent, boolean raisePriority, boolean aroundTheClock, UUID escalationTeamId, boolean active) {

		/** Terms that match no contract service level. */
		public Terms(String name, int position, CasePriority matchPriority, String matchTier, UUID calendarId,
				int firstResponseMinutes, int resolutionMinutes, int warningPercent, boolean raisePriority,
				boolean aroundTheClock, UUID escalationTeamId, boolean active) {
			this(name, position, matchPriority, matchTier, null, calendarId, firstResponseMinutes, resolutionMinutes,
					warningPercent, raisePriority, aroundTheClock, escalationTeamId, active);
		}
	}
}
