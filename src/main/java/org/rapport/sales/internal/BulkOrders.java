package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.OrderId;
import org.rapport.sales.OrderImports;
import org.rapport.sales.OrderValues;
import org.rapport.sales.OrdersImported;
import org.rapport.sales.ProductId;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderLine;
import org.rapport.sales.orders.internal.OrderStatus;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.shared.BulkRows;
import org.rapport.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk path of order imports: orders and their lines written many at once through {@link BulkRows} (with COPY
 * on PostgreSQL) without a domain event per order, one event per batch; numbers drawn from the sequence
 * {@link OrderBook} draws from. A confirmed order is confirmed at the moment of the import.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkOrders implements OrderImports {

	private final EntityManager em;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final BulkRows bulk;
	private final Clock clock;

	BulkOrders(EntityManager em, NamedParameterJdbcTemplate named, ApplicationEventPublisher events,
			BulkRows bulk, Clock clock) {
		this.clock = clock;
		this.em = em;
		this.named = named;
		this.events = events;
		this.bulk = bulk;
	}

	@Override
	public List<OrderValues> findOrders(Actor actor, Collection<String> externalIds) {
		Set<String> keys = new HashSet<>();
		for (String value : externalIds) {
			if (value != null && !value.isBlank()) {
				keys.add(value.strip());
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		VisibleQuery visible = new VisibleQuery("SalesOrder", "o", actor).where("o.externalId in :matchKeys",
				"matchKeys", keys);
		TypedQuery<SalesOrder> query = em.createQuery("select o from SalesOrder o" + visible.whereClause(),
				SalesOrder.class);
		visible.parameters().forEach(query::setParameter);
		List<SalesOrder> found = query.getResultList();
		List<OrderValues> values = found.stream().map(BulkOrders::values).toList();
		found.forEach(em::detach);
		return values;
	}

	@Override
	public Set<String> takenExternalIds(Collection<String> externalIds) {
		return bulk.existing("sales_order", "external_id", externalIds);
	}

	@Override
	public void insertOrders(Actor actor, List<OrderValues> orders) {
		if (orders.isEmpty()) {
			return;
		}
		OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(orders.size());
		List<Object[]> lines = new ArrayList<>();
		Iterator<Long> numbers = bulk.nextValues(OrderBook.NUMBER_SEQUENCE, orders.size()).iterator();
		for (OrderValues o : orders) {
			long next = numbers.next();
			boolean confirmed = OrderStatus.CONFIRMED.name().equals(o.status());
			String currency = Money.zero(o.currency()).currency();
			List<BigDecimal> amounts = new ArrayList<>(o.lines().size());
			int position = 0;
			for (OrderValues.Line line : o.lines()) {
				// the lines and the total as an order entered on its page keeps them
				BigDecimal unitPrice = new Money(line.unitPrice(), currency).amount();
				OrderLine stored = new OrderLine(position++, new ProductId(line.productId()), line.quantity(),
						unitPrice);
				amounts.add(stored.amount());
				lines.add(new Object[] { stored.getId(), o.id(), stored.getPosition(), stored.getProductId(),
						stored.getQuantity(), stored.getUnitPrice() });
			}
			rows.add(new Object[] { OrderBook.number(next), o.accountId(), o.orderDate(), o.status(),
					SalesOrder.totalOf(amounts, currency).amount(), currency, o.notes(), confirmed ? at : null,
					o.externalId(), o.ownerId(), o.teamId(), bulk.json(o.customFields()) });
		}
		Iterator<Object[]> values = rows.iterator();
		bulk.insertRecords("sales_order", "number, account_id, order_date, status, total, currency, notes, "
				+ "confirmed_at, external_id, owner_id, team_id, custom_fields", "vudvnvvtvuuj", orders,
				o -> values.next(), OrderValues::id, actor.id().value(), at);
		bulk.insert("sales_order_line", "id, order_id, position, product_id, quantity, unit_price", "uuiunn", lines);
		events.publishEvent(new OrdersImported(orders.stream().map(o -> new OrderId(o.id())).toList(), List.of()));
	}

	@Override
	public List<OrderValues> orders(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<SalesOrder> found = em.createQuery("select o from SalesOrder o where o.id in :ids", SalesOrder.class)
			.setParameter("ids", ids)
			.getResultList();
		List<OrderValues> values = found.stream().map(BulkOrders::values).toList();
		found.forEach(em::detach);
		return values;
	}

	@Override
	public void deleteOrders(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			MapSqlParameterSource params = new MapSqlParameterSource("ids", ids);
			named.update("delete from sales_order_line where order_id in (:ids)", params);
			named.update("delete from sales_order where id in (:ids)", params);
			events.publishEvent(new OrdersImported(List.of(), List.of(), ids.stream().map(OrderId::new).toList()));
		}
	}

	private static OrderValues values(SalesOrder o) {
		List<OrderValues.Line> lines = o.getLines()
			.stream()
			.map(l -> new OrderValues.Line(l.getProductId(), l.getQuantity(), l.getUnitPrice()))
			.toList();
		return new OrderValues(o.getId(), o.getVersion(), o.getOwnerId(), o.getTeamId(), o.getExternalId(),
				o.getAccountId(), o.getNumber(), o.getOrderDate(), o.getCurrency(), o.getStatus().name(),
				o.getNotes(), lines, o.getCustomFields());
	}
}
