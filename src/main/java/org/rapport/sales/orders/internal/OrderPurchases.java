package org.rapport.sales.orders.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.rapport.customers.AccountId;
import org.rapport.sales.ProductId;
import org.rapport.sales.Purchases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The orders as purchases, read a page at a time by the key of the index on (account, day, id), so that a million
 * accounts' orders stream past without being held.
 */
@Component
class OrderPurchases implements Purchases {

	/** How many orders one read takes. */
	static final int PAGE = 10_000;

	private final int pageSize;

	private static final String BOUGHT = "status in ('CONFIRMED', 'FULFILLED')";

	private final JdbcTemplate jdbc;

	@org.springframework.beans.factory.annotation.Autowired
	OrderPurchases(JdbcTemplate jdbc) {
		this(jdbc, PAGE);
	}

	OrderPurchases(JdbcTemplate jdbc, int pageSize) {
		this.jdbc = jdbc;
		this.pageSize = pageSize;
	}

	@Override
	public void forEachOrder(String currency, Consumer<Purchase> each) {
		record Row(UUID account, LocalDate date, UUID id, BigDecimal total) {
		}
		Row last = null;
		while (true) {
			List<Row> page = new ArrayList<>(pageSize);
			String after = last == null ? ""
					: " and (account_id > ? or (account_id = ? and (order_date > ? or (order_date = ? and id > ?))))";
			List<Object> arguments = new ArrayList<>(List.of(currency));
			if (last != null) {
				arguments.addAll(List.of(last.account(), last.account(), Date.valueOf(last.date()),
						Date.valueOf(last.date()), last.id()));
			}
			jdbc.query("select account_id, order_date, id, total from sales_order where " + BOUGHT
					+ " and currency = ?" + after + " order by account_id, order_date, id limit " + pageSize,
					rs -> {
						page.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
								rs.getObject(3, UUID.class), rs.getBigDecimal(4)));
					}, arguments.toArray());
			for (Row row : page) {
				each.accept(new Purchase(new AccountId(row.account()), row.date(), row.total()));
			}
			if (page.size() < pageSize) {
				return;
			}
			last = page.get(page.size() - 1);
		}
	}

	@Override
	public long countInOtherCurrencies(String currency) {
		Long count = jdbc.queryForObject("select count(*) from sales_order where " + BOUGHT + " and currency <> ?",
				Long.class, currency);
		return count == null ? 0 : count;
	}

	@Override
	public void forEachLine(Consumer<PurchasedProduct> each) {
		record Bought(UUID account, LocalDate date, UUID id) {
		}
		Bought last = null;
		while (true) {
			String after = last == null ? ""
					: " and (account_id > ? or (account_id = ? and (order_date > ? or (order_date = ? and id > ?))))";
			Object[] arguments = last == null ? new Object[0]
					: new Object[] { last.account(), last.account(), Date.valueOf(last.date()),
							Date.valueOf(last.date()), last.id() };
			String orders = "select id, account_id, order_date from sales_order where " + BOUGHT + after
					+ " order by account_id, order_date, id limit " + pageSize;
			java.util.Map<UUID, Bought> page = new java.util.LinkedHashMap<>();
			jdbc.query(orders, rs -> {
				UUID id = rs.getObject(1, UUID.class);
				page.put(id, new Bought(rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class), id));
			}, arguments);
			if (page.isEmpty()) {
				return;
			}
			jdbc.query("select l.order_id, l.product_id, l.quantity from sales_order_line l join (" + orders
					+ ") o on o.id = l.order_id order by o.account_id, o.order_date, o.id, l.position", rs -> {
						Bought order = page.get(rs.getObject(1, UUID.class));
						each.accept(new PurchasedProduct(new AccountId(order.account()),
								new ProductId(rs.getObject(2, UUID.class)), rs.getBigDecimal(3), order.date()));
					}, arguments);
			if (page.size() < pageSize) {
				return;
			}
			last = page.values().stream().reduce((first, second) -> second).orElseThrow();
		}
	}
}
