package org.rapport.activities.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.rapport.shared.RecordRef;
import org.rapport.shared.UuidV7;
import org.springframework.data.domain.Persistable;

/**
 * A change that another module reported about one of its records, as the timeline shows it. It is written once and
 * never changes, but for the record and account it follows through merges.
 */
@Entity
@Table(name = "timeline_change")
public class TimelineChange implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private ChangeKind kind;

	@Column(name = "about_type", nullable = false)
	private String aboutType;

	@Column(name = "about_id", nullable = false)
	private UUID aboutId;

	@Column(name = "account_id")
	private UUID accountId;

	/** The owner of the record it is about, or {@code null} where whoever sees the record sees the change. */
	@Column(name = "owner_id")
	private UUID ownerId;

	@Column(name = "team_id")
	private UUID teamId;

	@Column(name = "from_value")
	private String fromValue;

	@Column(name = "to_value")
	private String toValue;

	private BigDecimal amount;

	private String currency;

	private String note;

	@Column(name = "ref_type")
	private String refType;

	@Column(name = "ref_id")
	private UUID refId;

	/** Whether it is in the database: saving a new one inserts it without reading first. */
	@Transient
	private boolean stored;

	protected TimelineChange() {
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

	TimelineChange(ChangeKind kind, Instant occurredAt, RecordRef about, UUID accountId, UUID ownerId, UUID teamId) {
		this.id = UuidV7.next();
		this.kind = kind;
		this.occurredAt = occurredAt;
		this.aboutType = about.type();
		this.aboutId = about.id();
		this.accountId = accountId;
		this.ownerId = ownerId;
		this.teamId = teamId;
	}

	TimelineChange values(String from, String to) {
		this.fromValue = from;
		this.toValue = to;
		return this;
	}

	TimelineChange amount(BigDecimal value, String currencyCode) {
		this.amount = value;
		this.currency = currencyCode;
		return this;
	}

	TimelineChange note(String text) {
		this.note = text == null || text.length() <= 500 ? text : text.substring(0, 500);
		return this;
	}

	TimelineChange refers(RecordRef ref) {
		this.refType = ref == null ? null : ref.type();
		this.refId = ref == null ? null : ref.id();
		return this;
	}

	public UUID getId() {
		return id;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public ChangeKind getKind() {
		return kind;
	}

	public RecordRef about() {
		return new RecordRef(aboutType, aboutId);
	}

	public String getAboutType() {
		return aboutType;
	}

	/** The page of the record it is about. */
	public String getAboutPage() {
		return AboutRecords.path(about());
	}

	public UUID getAccountId() {
		return accountId;
	}

	public UUID getOwnerId() {
		return ownerId;
	}

	public UUID getTeamId() {
		return teamId;
	}

	public String getFromValue() {
		return fromValue;
	}

	public String getToValue() {
		return toValue;
	}

	public BigDecimal getAmount() {
		return amount;
	}

	public String getCurrency() {
		return currency;
	}

	/** The amount in its currency, or {@code null} for a change without one. */
	public org.rapport.shared.Money getMoney() {
		return amount == null ? null : new org.rapport.shared.Money(amount, currency);
	}

	public String getNote() {
		return note;
	}

	/** The page of the record the change names, or {@code null}. */
	public String getRefersPage() {
		return refType == null ? null : AboutRecords.path(refers());
	}

	/** Another record the change names, such as the opportunity a lead became, or {@code null}. */
	public RecordRef refers() {
		return refType == null ? null : new RecordRef(refType, refId);
	}
}
