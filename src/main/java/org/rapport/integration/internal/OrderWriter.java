package org.rapport.integration.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.sales.OrderImports;
import org.rapport.sales.OrderValues;
import org.rapport.shared.MatchBy;
import org.rapport.shared.UuidV7;
import org.springframework.stereotype.Component;

/**
 * Imports orders, one file row per order line; the rows of an order share its external id and make one order, which
 * the runner never splits between batches. Orders match by external id only: one already there is skipped whole
 * (with {@link DuplicateMode#SKIP}) or its rows rejected (with {@link DuplicateMode#CREATE}, as its external id is
 * taken); an import never updates an order, so {@link DuplicateMode#UPDATE} is refused when the import is set up.
 * Rapport numbers new orders; a confirmed one is confirmed when imported.
 */
@Component
class OrderWriter extends RecordWriter<OrderValues> {

	static final String DRAFT = "DRAFT";

	static final String CONFIRMED = "CONFIRMED";

	private final OrderImports orders;

	OrderWriter(OrderImports orders) {
		this.orders = orders;
	}

	@Override
	ImportEntity entity() {
		return ImportEntity.ORDERS;
	}

	@Override
	Class<OrderValues> type() {
		return OrderValues.class;
	}

	/** The order a row belongs to, as the runner reads it to keep an order in one batch. */
	static String orderKey(Map<Integer, String> mapping, List<String> cells) {
		for (Map.Entry<Integer, String> column : mapping.entrySet()) {
			if ("externalId".equals(column.getValue())) {
				int index = column.getKey();
				String cell = index < cells.size() ? cells.get(index) : null;
				return cell == null ? "" : cell.strip();
			}
		}
		return "";
	}

	@Override
	Outcome write(Actor actor, List<ConvertedRow> rows, DuplicateMode mode, MatchBy matchBy,
			RowConverter messages) {
		Map<String, List<ConvertedRow>> byOrder = new LinkedHashMap<>();
		rows.forEach(row -> byOrder.computeIfAbsent(row.text("externalId"), k -> new ArrayList<>()).add(row));
		Set<String> existing = new HashSet<>();
		if (mode != DuplicateMode.CREATE) {
			orders.findOrders(actor, byOrder.keySet()).forEach(o -> existing.add(o.externalId()));
		}
		Set<String> taken = orders.takenExternalIds(byOrder.keySet());
		Set<String> hidden = new HashSet<>(taken);
		if (!taken.isEmpty()) {
			orders.findOrders(actor, taken).forEach(o -> hidden.remove(o.externalId()));
		}
		List<OrderValues> creates = new ArrayList<>();
		List<ConvertedRow> rejected = new ArrayList<>();
		int skipped = 0;
		for (Map.Entry<String, List<ConvertedRow>> order : byOrder.entrySet()) {
			List<ConvertedRow> lines = order.getValue();
			if (mode == DuplicateMode.UPDATE) {
				reject(lines, messages.message(actor, "import.error.orderUpdate"), rejected);
			}
			else if (mode == DuplicateMode.SKIP && existing.contains(order.getKey())) {
				skipped += lines.size();
			}
			else if (taken.contains(order.getKey())) {
				reject(lines, RowWriter.externalIdTaken(actor, messages, order.getKey(), hidden), rejected);
			}
			else {
				ConvertedRow first = lines.get(0);
				Map<String, Object> custom = messages.customValues(actor, entity(), null, first, true);
				if (custom == null) {
					rejected.add(first);
					reject(lines.subList(1, lines.size()), messages.message(actor, "import.error.orderLineRejected",
							String.valueOf(first.line())), rejected);
					continue;
				}
				first.values().put("customFields", custom);
				creates.add(order(UuidV7.next(), lines));
			}
		}
		orders.insertOrders(actor, creates);
		return new Outcome(creates.stream().map(OrderValues::id).toList(), List.of(), skipped, rejected);
	}

	private static void reject(List<ConvertedRow> lines, String reason, List<ConvertedRow> rejected) {
		for (ConvertedRow line : lines) {
			line.reject("", reason);
			rejected.add(line);
		}
	}

	private static OrderValues order(UUID id, List<ConvertedRow> lines) {
		Map<String, Object> v = lines.get(0).values();
		List<OrderValues.Line> items = new ArrayList<>(lines.size());
		for (ConvertedRow line : lines) {
			items.add(new OrderValues.Line((UUID) line.values().get("productId"),
					(BigDecimal) line.values().get("quantity"), (BigDecimal) line.values().get("unitPrice")));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> custom = (Map<String, Object>) v.getOrDefault("customFields", Map.of());
		return new OrderValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), (String) v.get("externalId"),
				(UUID) v.get("accountId"), null, (LocalDate) v.get("orderDate"), (String) v.get("currency"),
				(String) v.getOrDefault("status", DRAFT), (String) v.get("notes"), items, custom);
	}








	@Override
	UUID id(OrderValues record) {
		return record.id();
	}

	@Override
	long version(OrderValues record) {
		return record.version();
	}


	@Override
	OrderValues withVersion(OrderValues o, long version) {
		return new OrderValues(o.id(), version, o.ownerId(), o.teamId(), o.externalId(), o.accountId(), o.number(),
				o.orderDate(), o.currency(), o.status(), o.notes(), o.lines(), o.customFields());
	}




	@Override
	List<OrderValues> current(Collection<UUID> ids) {
		return orders.orders(ids);
	}

	@Override
	void delete(Collection<UUID> ids) {
		orders.deleteOrders(ids);
	}
}
