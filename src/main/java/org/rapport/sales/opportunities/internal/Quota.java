package org.rapport.sales.opportunities.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.YearMonth;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.rapport.shared.Money;

/**
 * What a seller is expected to win in one month.
 */
@Entity
@Table(name = "sales_quota")
public class Quota {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@Version
	private long version;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	/** The month, as {@code 2027-01}. */
	@Column(nullable = false)
	private String period;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "amount", column = @Column(name = "amount")),
			@AttributeOverride(name = "currency", column = @Column(name = "currency")) })
	private Money amount;

	protected Quota() {
	}

	Quota(UUID userId, YearMonth period, Money amount) {
		this.userId = userId;
		this.period = period.toString();
		set(amount);
	}

	void set(Money amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("A quota cannot be negative");
		}
		this.amount = amount;
	}

	public UUID getUserId() {
		return userId;
	}

	public YearMonth getPeriod() {
		return YearMonth.parse(period);
	}

	public Money getAmount() {
		return amount;
	}
}
