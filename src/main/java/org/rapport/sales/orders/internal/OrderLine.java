package org.rapport.sales.orders.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.rapport.sales.ProductId;
import org.rapport.shared.UuidV7;

/**
 * One product of an order, in a quantity, at a unit price in the order's currency.
 */
@Entity
@Table(name = "sales_order_line")
public class OrderLine {

	@Id
	private UUID id;

	@Column(nullable = false)
	private int position;

	@Column(name = "product_id", nullable = false)
	private UUID productId;

	@Column(nullable = false)
	private BigDecimal quantity;

	@Column(name = "unit_price", nullable = false)
	private BigDecimal unitPrice;

	protected OrderLine() {
	}

	public OrderLine(int position, ProductId product, BigDecimal quantity, BigDecimal unitPrice) {
		this.id = UuidV7.next();
		this.position = position;
		this.productId = product.value();
		this.quantity = quantity;
		this.unitPrice = unitPrice;
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

	/** Quantity times unit price, unrounded; the order rounds its total to the currency. */
	public BigDecimal amount() {
		return quantity.multiply(unitPrice);
	}
}
