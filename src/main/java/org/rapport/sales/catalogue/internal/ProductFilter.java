package org.rapport.sales.catalogue.internal;

/**
 * What the catalogue is narrowed to; every part is optional. {@code q} matches the start of the name or SKU.
 */
public record ProductFilter(String q, String category, Boolean active) {

	public static final ProductFilter NONE = new ProductFilter(null, null, null);
}
