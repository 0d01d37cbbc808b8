package org.rapport.sales;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.shared.MatchBy;

/**
 * Reads and writes products in bulk for an import: one query per batch for the lookups, batched statements for the
 * writes, one {@link ProductsImported} event per batch. Runs in the caller's transaction. Only administrators and
 * managers may write products.
 */
public interface ProductImports {

	/** Whether the actor may change the catalogue, and so import products. */
	boolean mayImport(Actor actor);

	/**
	 * Products whose external id, SKU or name (both case-insensitively) is one of the values; everybody sees
	 * products.
	 */
	List<ProductValues> findProducts(MatchBy key, Collection<String> values);

	/** Which of these external ids some product already has. */
	Set<String> takenExternalIds(Collection<String> externalIds);

	/** Which of these SKUs (lower case) some product already has. */
	Set<String> takenSkus(Collection<String> skus);

	/** Stores new products (their ids given) with version 0, created by the actor. */
	void insertProducts(Actor actor, List<ProductValues> products);

	/** Overwrites products whose version is still the one given; returns the ids written. */
	Set<UUID> updateProducts(Actor actor, List<ProductValues> products);

	/** The current values of these products; for undoing an import. */
	List<ProductValues> products(Collection<UUID> ids);

	/** Deletes these products; fails on a product that an opportunity or an order names. */
	void deleteProducts(Collection<UUID> ids);
}
