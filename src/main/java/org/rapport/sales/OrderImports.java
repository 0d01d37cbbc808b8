package org.rapport.sales;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;

/**
 * Reads and writes orders in bulk for an import: one query per batch for the lookups, batched statements for the
 * writes, one {@link OrdersImported} event per batch. Runs in the caller's transaction. New orders take their numbers
 * from the same sequence as those made one by one. No per-record events: an imported confirmed order announces no
 * purchase. Orders match by external id only, and an import never changes an existing one.
 */
public interface OrderImports {

	/** Visible orders whose external id is one of the values. */
	List<OrderValues> findOrders(Actor actor, Collection<String> externalIds);

	/** Which of these external ids some order already has, visible or not. */
	Set<String> takenExternalIds(Collection<String> externalIds);

	/** Stores new orders with their lines (their ids given, their numbers drawn now) with version 0. */
	void insertOrders(Actor actor, List<OrderValues> orders);

	/** The current values of these orders, whoever may see them; for undoing an import. */
	List<OrderValues> orders(Collection<UUID> ids);

	/** Deletes these orders and their lines. */
	void deleteOrders(Collection<UUID> ids);
}
