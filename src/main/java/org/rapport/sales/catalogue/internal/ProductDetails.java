package org.rapport.sales.catalogue.internal;

import org.rapport.shared.Money;

/**
 * The fields of a product, as a form or an API request gives them; {@code externalId}, the id another system gives
 * it, stays as it is when null and is taken away when empty.
 */
public record ProductDetails(String sku, String name, String description, Money unitPrice, String category,
		boolean active, String externalId) {

	/** The fields of a form that leaves the external id as it is. */
	public ProductDetails(String sku, String name, String description, Money unitPrice, String category,
			boolean active) {
		this(sku, name, description, unitPrice, category, active, null);
	}
}
