package org.rapport.sales.orders.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.customers.AccountReferences;
import org.rapport.identity.Actor;
import org.rapport.integration.DuplicateMode;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportOutcome;
import org.rapport.integration.ImportRow;
import org.rapport.integration.ImportableKind;
import org.rapport.integration.MatchBy;
import org.rapport.integration.RecordKind;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.sales.OrderId;
import org.rapport.sales.OrdersImported;
import org.rapport.sales.ProductId;
import org.rapport.sales.catalogue.internal.ProductImport;
import org.rapport.sales.catalogue.internal.ProductValues;
import org.rapport.shared.Money;
import org.rapport.shared.UuidV7;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports orders, one file row per order line; the rows of an order share its external id and make one order, which
 * the runner never splits between batches. Orders match by external id only: one already there is skipped whole
 * (with {@link DuplicateMode#SKIP}) or its rows rejected (with {@link DuplicateMode#CREATE}, as its external id is
 * taken); an import never updates an order, so {@link DuplicateMode#UPDATE} is refused when the import is set up.
 * Rapport numbers new orders; a confirmed one is confirmed when imported.
 */
@Component
class OrderImport implements ImportableKind<OrderValues> {

	static final String DRAFT = "DRAFT";

	static final String CONFIRMED = "CONFIRMED";

	/**
	 * One row per order line; the rows of one order share its external id (the order's number in the other system)
	 * and are written together. The order's account, date, status, currency, notes, owner and custom fields come
	 * from its first row.
	 */
	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.required("externalId", 100, "Order ID", "Order External ID", "External ID", "external_id",
					"Order", "Order Number", "Order No", "订单号", "订单编号", "外部编号", "外部ID"),
			ImportColumn.of("account", Type.TEXT, "Account", "Account Name", "Company", "Company Name", "Customer",
					"客户", "客户名称", "公司", "公司名称"),
			ImportColumn.of("accountExternalId", Type.TEXT, "Account External ID", "account_external_id",
					"客户外部编号"),
			ImportColumn.required("product", Type.TEXT, "Product", "SKU", "Product SKU", "Product Name", "Item",
					"产品", "产品名称", "产品编号", "商品", "商品名称"),
			ImportColumn.required("quantity", Type.AMOUNT, "Quantity", "Qty", "数量"),
			ImportColumn.of("unitPrice", Type.AMOUNT, "Unit Price", "Price", "单价", "价格"),
			ImportColumn.of("orderDate", Type.DATE, "Order Date", "Date", "order_date", "订单日期", "下单日期", "日期"),
			ImportColumn.of("orderStatus", Type.TEXT, "Status", "Order Status", "状态", "订单状态"),
			ImportColumn.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			ImportColumn.text("notes", 4000, "Notes", "Description", "备注", "说明", "描述"),
			ImportColumn.owner());

	private static final Set<String> DRAFTS = Set.of("draft", "草稿", "拟定", "待生效");

	private static final Set<String> CONFIRMATIONS = Set.of("confirmed", "已确认", "确认", "已下单");

	private final BulkRecords records;
	private final ProductImport products;
	private final AccountReferences accounts;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;

	OrderImport(BulkRecords records, ProductImport products, AccountReferences accounts,
			NamedParameterJdbcTemplate named, ApplicationEventPublisher events) {
		this.records = records;
		this.products = products;
		this.accounts = accounts;
		this.named = named;
		this.events = events;
	}

	@Override
	public String name() {
		return "orders";
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public String customFieldsEntity() {
		return "order";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public List<MatchBy> matchKeys() {
		return List.of(MatchBy.EXTERNAL_ID);
	}

	@Override
	public String refuses(DuplicateMode mode) {
		return mode == DuplicateMode.UPDATE ? "import.error.orderUpdate" : null;
	}

	@Override
	public String groupedBy() {
		return "externalId";
	}

	@Override
	public Class<OrderValues> valuesType() {
		return OrderValues.class;
	}

	/**
	 * Each row is a line whose product is found by SKU, else by name; its quantity is above zero and its unit price
	 * is the product's when empty (then the product must be priced in the order's currency, which is the row's, else
	 * the product's). Rows are grouped by the order's external id: the first row of an order gives its account
	 * (required), date (required) and status (Draft or Confirmed, a draft when empty); a later row may repeat them but
	 * not name another account or currency. When a row of an order is rejected, so are the others, as an order is
	 * imported whole or not at all. Puts {@code productId}, {@code unitPrice}, {@code currency} and {@code status}.
	 */
	@Override
	public void convert(ImportBatch batch, List<ImportRow> rows) {
		accounts.resolve(batch, rows);
		Set<String> names = new HashSet<>();
		for (ImportRow row : rows) {
			if (row.text("product") != null) {
				names.add(row.text("product").toLowerCase(Locale.ROOT));
			}
		}
		Map<String, ProductValues> bySku = new HashMap<>();
		Map<String, List<ProductValues>> byName = new HashMap<>();
		if (!names.isEmpty()) {
			products.products(MatchBy.NUMBER, names)
				.forEach(p -> bySku.put(p.sku().toLowerCase(Locale.ROOT), p));
			products.products(MatchBy.NAME, names)
				.forEach(p -> byName.computeIfAbsent(p.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(p));
		}
		for (ImportRow row : rows) {
			String name = row.text("product");
			String currency = row.text("currency");
			if (name != null) {
				String lower = name.toLowerCase(Locale.ROOT);
				ProductValues product = bySku.get(lower);
				List<ProductValues> named = byName.getOrDefault(lower, List.of());
				if (product == null && named.size() == 1) {
					product = named.get(0);
				}
				if (product == null) {
					row.reject("product", batch.message(
							named.size() > 1 ? "import.error.productAmbiguous" : "import.error.product", name));
				}
				else {
					row.values().put("productId", product.id());
					if (currency == null) {
						currency = product.currency();
						row.values().put("currency", currency);
					}
					if (row.values().get("unitPrice") == null && !row.errors().containsKey("unitPrice")) {
						if (product.currency().equalsIgnoreCase(currency)) {
							row.values().put("unitPrice", product.unitPrice());
						}
						else {
							row.reject("unitPrice",
									batch.message("import.error.priceCurrency", product.currency(), currency));
						}
					}
				}
			}
			BigDecimal quantity = (BigDecimal) row.values().get("quantity");
			if (quantity != null && quantity.signum() <= 0) {
				row.reject("quantity", batch.message("import.error.quantity"));
			}
			else if (quantity != null && row.values().get("unitPrice") instanceof BigDecimal price
					&& !Money.isPlausible(quantity.multiply(price))) {
				row.reject("quantity", batch.message("validation.order.amount"));
			}
			String status = row.text("orderStatus");
			if (status != null) {
				String lower = status.toLowerCase(Locale.ROOT);
				if (DRAFTS.contains(lower)) {
					row.values().put("status", DRAFT);
				}
				else if (CONFIRMATIONS.contains(lower)) {
					row.values().put("status", CONFIRMED);
				}
				else {
					row.reject("orderStatus", batch.message("import.error.orderStatus", status));
				}
			}
		}
		Map<String, List<ImportRow>> byOrder = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			if (row.text("externalId") != null) {
				byOrder.computeIfAbsent(row.text("externalId"), k -> new ArrayList<>()).add(row);
			}
		}
		for (List<ImportRow> lines : byOrder.values()) {
			ImportRow first = lines.get(0);
			AccountReferences.require(batch, first);
			if (first.values().get("orderDate") == null && !first.errors().containsKey("orderDate")) {
				first.reject("orderDate", batch.message("import.error.orderDateRequired"));
			}
			Object account = first.values().get("accountId");
			String currency = first.text("currency");
			for (ImportRow line : lines.subList(1, lines.size())) {
				Object other = line.values().get("accountId");
				if (other != null && account != null && !other.equals(account)) {
					line.reject("account", batch.message("import.error.orderAccount", first.line()));
				}
				String otherCurrency = line.text("currency");
				if (otherCurrency != null && currency != null && !otherCurrency.equals(currency)) {
					line.reject("currency", batch.message("import.error.orderCurrency", currency, first.line()));
				}
			}
			List<String> bad = lines.stream().filter(l -> !l.isValid()).map(l -> String.valueOf(l.line())).toList();
			if (!bad.isEmpty()) {
				for (ImportRow line : lines) {
					if (line.isValid()) {
						line.reject("", batch.message("import.error.orderLineRejected", String.join(", ", bad)));
					}
				}
			}
		}
	}

	@Override
	public ImportOutcome write(ImportBatch batch, List<ImportRow> rows, DuplicateMode mode, MatchBy matchBy) {
		Actor actor = batch.actor();
		Map<String, List<ImportRow>> byOrder = new LinkedHashMap<>();
		rows.forEach(row -> byOrder.computeIfAbsent(row.text("externalId"), k -> new ArrayList<>()).add(row));
		Set<String> existing = new HashSet<>();
		if (mode != DuplicateMode.CREATE) {
			findOrders(actor, byOrder.keySet()).forEach(o -> existing.add(o.externalId()));
		}
		Set<String> taken = records.takenExternalIds("sales_order", byOrder.keySet());
		Set<String> hidden = new HashSet<>(taken);
		if (!taken.isEmpty()) {
			findOrders(actor, taken).forEach(o -> hidden.remove(o.externalId()));
		}
		List<OrderValues> creates = new ArrayList<>();
		List<ImportRow> rejected = new ArrayList<>();
		int skipped = 0;
		for (Map.Entry<String, List<ImportRow>> order : byOrder.entrySet()) {
			List<ImportRow> lines = order.getValue();
			if (mode == DuplicateMode.UPDATE) {
				reject(lines, batch.message("import.error.orderUpdate"), rejected);
			}
			else if (mode == DuplicateMode.SKIP && existing.contains(order.getKey())) {
				skipped += lines.size();
			}
			else if (taken.contains(order.getKey())) {
				reject(lines, RecordKind.externalIdTaken(batch, order.getKey(), hidden), rejected);
			}
			else {
				ImportRow first = lines.get(0);
				Map<String, Object> custom = batch.customFields(first, null, true);
				if (custom == null) {
					rejected.add(first);
					reject(lines.subList(1, lines.size()), batch.message("import.error.orderLineRejected",
							String.valueOf(first.line())), rejected);
					continue;
				}
				first.values().put("customFields", custom);
				creates.add(order(UuidV7.next(), lines));
			}
		}
		insert(actor, creates);
		return new ImportOutcome(creates.stream().map(OrderValues::id).toList(), List.of(), skipped, rejected);
	}

	private static void reject(List<ImportRow> lines, String reason, List<ImportRow> rejected) {
		for (ImportRow line : lines) {
			line.reject("", reason);
			rejected.add(line);
		}
	}

	private static OrderValues order(UUID id, List<ImportRow> lines) {
		Map<String, Object> v = lines.get(0).values();
		List<OrderValues.Line> items = new ArrayList<>(lines.size());
		for (ImportRow line : lines) {
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
	public UUID id(OrderValues record) {
		return record.id();
	}

	@Override
	public long version(OrderValues record) {
		return record.version();
	}

	@Override
	public OrderValues withVersion(OrderValues o, long version) {
		return new OrderValues(o.id(), version, o.ownerId(), o.teamId(), o.externalId(), o.accountId(), o.number(),
				o.orderDate(), o.currency(), o.status(), o.notes(), o.lines(), o.customFields());
	}

	/** Visible orders whose external id is one of the values. */
	private List<OrderValues> findOrders(Actor actor, Collection<String> externalIds) {
		return records.find(SalesOrder.class, actor, MatchBy.EXTERNAL_ID, "r.externalId", externalIds,
				OrderImport::values);
	}

	/**
	 * Stores new orders with their lines, their numbers drawn now; the lines priced to the currency and the total
	 * their sum rounded once, as an order entered on its page keeps them. A confirmed one is confirmed now.
	 */
	private void insert(Actor actor, List<OrderValues> orders) {
		if (orders.isEmpty()) {
			return;
		}
		OffsetDateTime at = records.now();
		Map<UUID, Object[]> rows = new HashMap<>();
		List<Object[]> lines = new ArrayList<>();
		Iterator<Long> numbers = records.rows().nextValues(OrderBook.NUMBER_SEQUENCE, orders.size()).iterator();
		for (OrderValues o : orders) {
			long next = numbers.next();
			boolean confirmed = OrderStatus.CONFIRMED.name().equals(o.status());
			String currency = Money.zero(o.currency()).currency();
			List<BigDecimal> amounts = new ArrayList<>(o.lines().size());
			int position = 0;
			for (OrderValues.Line line : o.lines()) {
				BigDecimal unitPrice = new Money(line.unitPrice(), currency).amount();
				OrderLine stored = new OrderLine(position++, new ProductId(line.productId()), line.quantity(),
						unitPrice);
				amounts.add(stored.amount());
				lines.add(new Object[] { stored.getId(), o.id(), stored.getPosition(), stored.getProductId(),
						stored.getQuantity(), stored.getUnitPrice() });
			}
			rows.put(o.id(), new Object[] { OrderBook.number(next), o.accountId(), o.orderDate(), o.status(),
					SalesOrder.totalOf(amounts, currency).amount(), currency, o.notes(), confirmed ? at : null,
					o.externalId(), o.ownerId(), o.teamId(), o.customFields() });
		}
		records.insert(new BulkRecords.Table<>("sales_order", "number, account_id, order_date, status, total, "
				+ "currency, notes, confirmed_at, external_id, owner_id, team_id, custom_fields", "vudvnvvtvuuj",
				o -> rows.get(o.id()), OrderValues::id, OrderValues::version), actor, orders);
		records.rows().insert("sales_order_line", "id, order_id, position, product_id, quantity, unit_price",
				"uuiunn", lines);
		events.publishEvent(new OrdersImported(orders.stream().map(o -> new OrderId(o.id())).toList(), List.of()));
	}

	@Override
	public List<OrderValues> current(Collection<UUID> ids) {
		return records.byIds(SalesOrder.class, ids, OrderImport::values);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			named.update("delete from sales_order_line where order_id in (:ids)", new MapSqlParameterSource("ids", ids));
			records.delete("sales_order", ids);
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
