package org.rapport.sales;

import java.util.List;

/** A batch of products an import created and updated, published once per batch. */
public record ProductsImported(List<ProductId> created, List<ProductId> updated) {
}
