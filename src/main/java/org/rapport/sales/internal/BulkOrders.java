package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.OrderId;
import org.rapport.sales.OrderImports;
import org.rapport.sales.OrderValues;
import org.rapport.sales.OrdersImported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk path of order imports: batched statements for orders and their lines without a domain event per order,
 * one event per batch; numbers drawn from the sequence {@link OrderBook} draws from. A confirmed order is confirmed
 * at the moment of the import.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkOrders implements OrderImports {

	private final EntityManager em;
	private final JdbcTemplate jdbc;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final JsonMapper mapper;
	private volatile String jsonMarker;

	BulkOrders(EntityManager em, JdbcTemplate jdbc, NamedParameterJdbcTemplate named, ApplicationEventPublisher events,
			JsonMapper mapper) {
		this.em = em;
		this.jdbc = jdbc;
		this.named = named;
		this.events = events;
		this.mapper = mapper;
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
		if (externalIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(named.queryForList("select external_id from sales_order where external_id in (:ids)",
				new MapSqlParameterSource("ids", new HashSet<>(externalIds)), String.class));
	}

	@Override
	public void insertOrders(Actor actor, List<OrderValues> orders) {
		if (orders.isEmpty()) {
			return;
		}
		OffsetDateTime at = OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
		List<Object[]> rows = new ArrayList<>(orders.size());
		List<Object[]> lines = new ArrayList<>();
		for (OrderValues o : orders) {
			Long next = jdbc.queryForObject(OrderBook.NEXT_NUMBER, Long.class);
			boolean confirmed = OrderStatus.CONFIRMED.name().equals(o.status());
			rows.add(new Object[] { OrderBook.number(next), o.accountId(), o.orderDate(), o.status(), o.total(),
					o.currency().toUpperCase(Locale.ROOT), o.notes(), confirmed ? at : null, o.externalId(),
					o.ownerId(), o.teamId(), json(o.customFields()), o.id(), actor.id().value(), at,
					actor.id().value(), at });
			int position = 0;
			for (OrderValues.Line line : o.lines()) {
				lines.add(new Object[] { UUID.randomUUID(), o.id(), position++, line.productId(), line.quantity(),
						line.unitPrice() });
			}
		}
		batch("insert into sales_order (number, account_id, order_date, status, total, currency, notes, confirmed_at, "
				+ "external_id, owner_id, team_id, custom_fields, id, version, created_by, created_at, updated_by, "
				+ "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + jsonMarker() + ", ?, 0, ?, ?, ?, ?)",
				rows, "vudvnvvtvuuvuutut");
		batch("insert into sales_order_line (id, order_id, position, product_id, quantity, unit_price) "
				+ "values (?, ?, ?, ?, ?, ?)", lines, "uuiunn");
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

	/** See {@code BulkLeads}: JSON text cast to jsonb on PostgreSQL, marked FORMAT JSON on H2. */
	private String jsonMarker() {
		if (jsonMarker == null) {
			String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
			jsonMarker = product != null && product.toLowerCase(Locale.ROOT).contains("postgres") ? "cast(? as jsonb)"
					: "? format json";
		}
		return jsonMarker;
	}

	private String json(Map<String, Object> values) {
		return values == null || values.isEmpty() ? null : mapper.writeValueAsString(values);
	}

	/** Binds nulls with the type their letter gives, as {@code BulkLeads} explains. */
	private int[] batch(String sql, List<Object[]> rows, String types) {
		if (rows.isEmpty()) {
			return new int[0];
		}
		return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(java.sql.PreparedStatement ps, int i) throws java.sql.SQLException {
				Object[] row = rows.get(i);
				for (int p = 0; p < row.length; p++) {
					if (row[p] != null) {
						ps.setObject(p + 1, row[p]);
					}
					else {
						ps.setNull(p + 1, switch (types.charAt(p)) {
							case 'u' -> java.sql.Types.OTHER;
							case 't' -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
							case 'l' -> java.sql.Types.BIGINT;
							case 'i' -> java.sql.Types.INTEGER;
							case 'n' -> java.sql.Types.NUMERIC;
							case 'd' -> java.sql.Types.DATE;
							case 'b' -> java.sql.Types.BOOLEAN;
							default -> java.sql.Types.VARCHAR;
						});
					}
				}
			}

			@Override
			public int getBatchSize() {
				return rows.size();
			}
		});
	}
}
