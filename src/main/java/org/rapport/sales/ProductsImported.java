package org.rapport.sales;

import java.util.List;

/**
 * A batch of products an import created, updated or (undoing it) removed, published once per batch instead of once per
 * product.
 */
public record ProductsImported(List<ProductId> created, List<ProductId> updated, List<ProductId> removed) {

	public ProductsImported(List<ProductId> created, List<ProductId> updated) {
		this(created, updated, List.of());
	}
}
