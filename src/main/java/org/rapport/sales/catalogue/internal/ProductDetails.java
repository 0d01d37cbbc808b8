package org.rapport.sales.catalogue.internal;

import org.rapport.shared.Money;

/**
 * The fields of a product, as a form or an API request gives them.
 */
public record ProductDetails(String sku, String name, String description, Money unitPrice, String category,
		boolean active) {
}
