package org.rapport.sales;

import java.util.Collection;
import java.util.Map;

/**
 * Names the catalogue's products for modules that keep something about them, such as the recommendations: the
 * products are visible to every user, so it answers whoever asks.
 */
public interface ProductNames {

	/** The given products, in one query per thousand; unknown ids left out. */
	Map<ProductId, NamedProduct> of(Collection<ProductId> products);

	/** A product's SKU and name, and whether it is still sold. */
	record NamedProduct(ProductId id, String sku, String name, boolean active) {
	}
}
