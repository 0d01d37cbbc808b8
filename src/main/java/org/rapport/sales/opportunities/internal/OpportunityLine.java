package org.rapport.sales.opportunities.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;
import org.rapport.shared.Money;

/**
 * A product on an opportunity: quantity, unit price and discount.
 */
@Entity
@Table(name = "opportunity_line")
public class OpportunityLine {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "opportunity_id")
	private Opportunity opportunity;

	@Column(nullable = false)
	private int position;

	@Column(name = "product_id", nullable = false)
	private UUID productId;

	@Column(nullable = false)
	private BigDecimal quantity;

	@Column(name = "unit_price", nullable = false)
	private BigDecimal unitPrice;

	@Column(name = "discount_percent", nullable = false)
	private BigDecimal discountPercent;

	protected OpportunityLine() {
	}

	OpportunityLine(Opportunity opportunity, int position, UUID productId, BigDecimal quantity, BigDecimal unitPrice,
			BigDecimal discountPercent) {
		if (quantity.signum() <= 0) {
			throw new IllegalArgumentException("A line needs a positive quantity");
		}
		if (unitPrice.signum() < 0) {
			throw new IllegalArgumentException("A price cannot be negative");
		}
		BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
		if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new IllegalArgumentException("A discount lies between 0 and 100 percent");
		}
		this.opportunity = opportunity;
		this.position = position;
		this.productId = productId;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
		this.discountPercent = discount;
	}

	/** Quantity times unit price, less the discount. */
	public Money total(String currency) {
		return new Money(unitPrice, currency).times(quantity).discounted(discountPercent);
	}

	public UUID getId() {
		return id;
	}

	public int getPosition() {
		return position;
	}

	public UUID getProductId() {
		return productId;
	}

	public BigDecimal getQuantity() {
		return quantity;
	}

	public BigDecimal getUnitPrice() {
		return unitPrice;
	}

	public BigDecimal getDiscountPercent() {
		return discountPercent;
	}
}
