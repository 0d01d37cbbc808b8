package org.rapport.sales;

import java.util.List;
import java.util.UUID;
import org.rapport.search.RecordsWrittenInBulk;

/**
 * A batch of products an import created, updated or (undoing it) removed, published once per batch instead of once per
 * product.
 */
public record ProductsImported(List<ProductId> created, List<ProductId> updated, List<ProductId> removed)
		implements RecordsWrittenInBulk {

	public ProductsImported(List<ProductId> created, List<ProductId> updated) {
		this(created, updated, List.of());
	}

	@Override
	public String searchKind() {
		return ProductId.TYPE;
	}

	@Override
	public List<UUID> writtenIds() {
		return RecordsWrittenInBulk.idsOf(created, updated, ProductId::value);
	}

	@Override
	public List<UUID> removedIds() {
		return RecordsWrittenInBulk.idsOf(removed, ProductId::value);
	}
}
