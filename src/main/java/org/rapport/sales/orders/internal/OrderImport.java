package org.rapport.sales.orders.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.UuidV7;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports orders, one file row per order line; the rows of an order share its id or external id and make one order,
 * which the runner never splits between batches. Rows match an order by its id in Rapport (as the order export
 * writes it) or by its external id: with {@link DuplicateMode#SKIP} an order already there is left whole, with
 * {@link DuplicateMode#UPDATE} it is changed as its pages change it, or left as it was when the rows say what it
 * holds, and with {@link DuplicateMode#CREATE} its external id is taken. Rapport numbers new orders; a confirmed one
 * is confirmed when imported.
 */
@Component
class OrderImport implements ImportableKind<OrderValues> {

	static final String DRAFT = "DRAFT";

	static final String CONFIRMED = "CONFIRMED";

	/**
	 * One row per order line; the rows of one order share its id (as the order export writes it) or its external id
	 * (the order's number in the other system) and are written together. The order's account, date, status,
	 * currency, notes, owner and custom fields come from its first row.
	 */
	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.id(),
			ImportColumn.externalId("Order ID", "Order External ID", "Order", "Order Number", "Order No", "订单号",
					"订单编号"),
			ImportColumn.of("account", Type.TEXT, "Account", "Account Name", "Company", "Company Name", "Customer",
					"客户", "客户名称", "公司", "公司名称"),
			ImportColumn.of("accountExternalId", Type.TEXT, "Account External ID", "account_external_id",
					"客户外部编号"),
			ImportColumn.required("product", Type.TEXT, "Product", "SKU", "Product SKU", "Product Name", "Item",
					"产品", "产品名称", "产品编号", "商品", "商品名称"),
			ImportColumn.required("quantity", Type.QUANTITY, "Quantity", "Qty", "数量"),
			ImportColumn.of("unitPrice", Type.AMOUNT, "Unit Price", "Price", "单价", "价格"),
			ImportColumn.of("orderDate", Type.DATE, "Order Date", "Date", "order_date", "订单日期", "下单日期", "日期"),
			ImportColumn.of("orderStatus", Type.TEXT, "Status", "Order Status", "状态", "订单状态"),
			ImportColumn.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			ImportColumn.text("notes", 4000, "Notes", "Description", "备注", "说明", "描述"),
			ImportColumn.owner());

	/** The names of each status in files, English and Chinese, as pages and exports write them. */
	private static final Map<String, OrderStatus> STATUSES = Map.ofEntries(Map.entry("draft", OrderStatus.DRAFT),
			Map.entry("草稿", OrderStatus.DRAFT), Map.entry("拟定", OrderStatus.DRAFT),
			Map.entry("待生效", OrderStatus.DRAFT), Map.entry("confirmed", OrderStatus.CONFIRMED),
			Map.entry("已确认", OrderStatus.CONFIRMED), Map.entry("确认", OrderStatus.CONFIRMED),
			Map.entry("已下单", OrderStatus.CONFIRMED), Map.entry("fulfilled", OrderStatus.FULFILLED),
			Map.entry("已履行", OrderStatus.FULFILLED), Map.entry("cancelled", OrderStatus.CANCELLED),
			Map.entry("canceled", OrderStatus.CANCELLED), Map.entry("已取消", OrderStatus.CANCELLED));

	private final BulkRecords records;
	private final ProductImport products;
	private final AccountReferences accounts;
	private final OrderRevision revision;
	private final SalesOrders orders;
	private final EntityManager em;
	private final Clock clock;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;

	OrderImport(BulkRecords records, ProductImport products, AccountReferences accounts, OrderRevision revision,
			SalesOrders orders, EntityManager em, Clock clock, NamedParameterJdbcTemplate named,
			ApplicationEventPublisher events) {
		this.records = records;
		this.products = products;
		this.accounts = accounts;
		this.revision = revision;
		this.orders = orders;
		this.em = em;
		this.clock = clock;
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
		return List.of(MatchBy.EXTERNAL_ID, MatchBy.ID);
	}

	@Override
	public List<String> groupedBy() {
		return List.of("id", "externalId");
	}

	/**
	 * An order whose rows name no currency, neither in a column nor by the symbol of a unit price, is in its first
	 * product's.
	 */
	@Override
	public boolean amountsInImportCurrency() {
		return false;
	}

	@Override
	public Class<OrderValues> valuesType() {
		return OrderValues.class;
	}

	/**
	 * Each row is a line whose product is found by SKU, else by name, else by id; its quantity is above zero and its
	 * unit price is the product's when empty (then the product must be priced in the order's currency, which is the
	 * row's, or the one its unit price is written in, else the product's). Rows are grouped by the order's id and external id, one of which each row needs: the
	 * first row of an order gives its account (required), date (required) and status (a draft when empty); a later
	 * row may repeat them but not name another account or currency. When a row of an order is rejected, so are the
	 * others, as an order is imported whole or not at all. Puts {@code productId}, {@code unitPrice},
	 * {@code currency} and {@code status}.
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
		Map<String, ProductValues> byId = new HashMap<>();
		if (!names.isEmpty()) {
			products.products(MatchBy.NUMBER, names)
				.forEach(p -> bySku.put(p.sku().toLowerCase(Locale.ROOT), p));
			products.products(MatchBy.NAME, names)
				.forEach(p -> byName.computeIfAbsent(p.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(p));
			products.products(MatchBy.ID, names).forEach(p -> byId.put(p.id().toString(), p));
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
				if (product == null && named.isEmpty()) {
					product = byId.get(lower);
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
				OrderStatus named = STATUSES.get(status.strip().toLowerCase(Locale.ROOT));
				if (named == null) {
					row.reject("orderStatus", batch.message("import.error.orderStatus", status));
				}
				else {
					row.values().put("status", named.name());
				}
			}
			if (row.text("id") == null && row.text("externalId") == null) {
				row.reject("externalId", batch.message("import.error.orderKey"));
			}
		}
		for (List<ImportRow> lines : byOrder(rows).values()) {
			ImportRow first = lines.get(0);
			AccountReferences.require(batch, first);
			if (first.values().get("orderDate") == null && !first.errors().containsKey("orderDate")) {
				first.reject("orderDate", batch.message("import.error.orderDateRequired"));
			}
			Object account = first.values().get("accountId");
			String currency = first.text("currency");
			List<BigDecimal> amounts = new ArrayList<>();
			for (ImportRow line : lines) {
				if (line.values().get("quantity") instanceof BigDecimal quantity
						&& line.values().get("unitPrice") instanceof BigDecimal price) {
					amounts.add(quantity.multiply(price));
				}
				if (line == first) {
					continue;
				}
				Object other = line.values().get("accountId");
				if (other != null && account != null && !other.equals(account)) {
					line.reject("account", batch.message("import.error.orderAccount", first.line()));
				}
				String otherCurrency = line.text("currency");
				if (otherCurrency != null && currency != null && !otherCurrency.equals(currency)) {
					line.reject("currency", batch.message("import.error.orderCurrency", currency, first.line()));
				}
			}
			if (!Money.isPlausible(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add))) {
				first.reject("quantity", batch.message("validation.order.amount"));
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

	/** The rows of each order, in file order: rows go together when they name the same id and external id. */
	private static Map<List<String>, List<ImportRow>> byOrder(List<ImportRow> rows) {
		Map<List<String>, List<ImportRow>> byOrder = new LinkedHashMap<>();
		for (ImportRow row : rows) {
			String id = row.text("id");
			String externalId = row.text("externalId");
			if (id != null || externalId != null) {
				byOrder.computeIfAbsent(Arrays.asList(id == null ? null : id.strip().toLowerCase(Locale.ROOT),
						externalId), k -> new ArrayList<>()).add(row);
			}
		}
		return byOrder;
	}

	/**
	 * Writes the orders of the batch. Their rows match an order there by its id or by its external id; a new order
	 * needs its external id and takes Draft or Confirmed. With {@link DuplicateMode#SKIP} a matched order is left
	 * whole; with {@link DuplicateMode#UPDATE} an order that holds the rows' values already is left as it was, and
	 * one that does not is changed through the order itself, as its pages change it (see {@link #update}).
	 */
	@Override
	public ImportOutcome write(ImportBatch batch, List<ImportRow> rows, DuplicateMode mode, MatchBy matchBy) {
		Actor actor = batch.actor();
		Map<List<String>, List<ImportRow>> byOrder = byOrder(rows);
		Map<String, OrderValues> existing = new HashMap<>();
		if (mode != DuplicateMode.CREATE) {
			Set<String> keys = new HashSet<>();
			byOrder.keySet().forEach(k -> {
				if (key(matchBy, k) != null) {
					keys.add(key(matchBy, k));
				}
			});
			for (OrderValues order : findOrders(actor, matchBy, keys)) {
				existing.put(matchBy == MatchBy.ID ? order.id().toString() : order.externalId(), order);
			}
		}
		Set<String> externalIds = new HashSet<>();
		byOrder.keySet().forEach(k -> {
			if (k.get(1) != null) {
				externalIds.add(k.get(1));
			}
		});
		Set<String> taken = new HashSet<>(records.takenExternalIds("sales_order", externalIds));
		Set<String> hidden = new HashSet<>(taken);
		if (!taken.isEmpty()) {
			findOrders(actor, MatchBy.EXTERNAL_ID, taken).forEach(o -> hidden.remove(o.externalId()));
		}
		List<OrderValues> creates = new ArrayList<>();
		Written written = new Written();
		for (Map.Entry<List<String>, List<ImportRow>> order : byOrder.entrySet()) {
			List<ImportRow> lines = order.getValue();
			ImportRow first = lines.get(0);
			String key = mode == DuplicateMode.CREATE ? null : key(matchBy, order.getKey());
			OrderValues match = key == null ? null : existing.get(key);
			String externalId = first.text("externalId");
			if (match == null && key != null && matchBy == MatchBy.ID) {
				reject(lines, "id", batch.message("import.error.idUnknown", first.text("id")), written.rejected);
			}
			else if (match != null && mode == DuplicateMode.SKIP) {
				written.skipped += lines.size();
			}
			else if (match != null) {
				if (externalId != null && !externalId.equals(match.externalId()) && taken.contains(externalId)) {
					reject(lines, "externalId", RecordKind.externalIdTaken(batch, externalId, hidden),
							written.rejected);
				}
				else {
					update(batch, match, lines, written);
					if (externalId != null) {
						taken.add(externalId);
					}
				}
			}
			else if (externalId == null) {
				reject(lines, "externalId", batch.message("import.error.orderKey"), written.rejected);
			}
			else if (taken.contains(externalId)) {
				reject(lines, "externalId", RecordKind.externalIdTaken(batch, externalId, hidden), written.rejected);
			}
			else if (!DRAFT.equals(first.values().getOrDefault("status", DRAFT))
					&& !CONFIRMED.equals(first.values().get("status"))) {
				reject(lines, "orderStatus", batch.message("import.error.orderNewStatus", first.text("orderStatus")),
						written.rejected);
			}
			else {
				Map<String, Object> custom = batch.customFields(first, null, true);
				if (custom == null) {
					written.rejected.add(first);
					reject(lines.subList(1, lines.size()), "", batch.message("import.error.orderLineRejected",
							String.valueOf(first.line())), written.rejected);
					continue;
				}
				first.values().put("customFields", custom);
				creates.add(order(UuidV7.next(), lines));
				taken.add(externalId);
			}
		}
		insert(actor, creates);
		return new ImportOutcome(creates.stream().map(OrderValues::id).toList(), written.updated, written.skipped,
				written.rejected, written.unchanged, written.updatedRows);
	}

	/** What writing the matched orders of a batch did. */
	private static final class Written {

		final List<ImportOutcome.Updated> updated = new ArrayList<>();
		final List<ImportRow> rejected = new ArrayList<>();
		int skipped;
		int unchanged;
		int updatedRows;
	}

	/** The value an order of the group is looked up by: its id, lower case, or its external id. */
	private static String key(MatchBy matchBy, List<String> group) {
		return matchBy == MatchBy.ID ? group.get(0) : group.get(1);
	}

	/**
	 * Brings an order to what its rows say, or leaves it as it was when it says so already. A change goes through the
	 * order as its form and buttons make it: its date, notes, lines, external id and custom fields change only while it
	 * is a draft and never its account or currency ({@link OrderRevision}); its status moves only as the status allows,
	 * confirming a draft announcing the purchase; the total is the order's own sum. What the order refuses leaves it
	 * as it was and rejects its rows, saying why. An order belongs to whoever made it: its owner does not change.
	 */
	private void update(ImportBatch batch, OrderValues match, List<ImportRow> lines, Written written) {
		ImportRow first = lines.get(0);
		Map<String, Object> v = first.values();
		if (v.containsKey("owner") && !Objects.equals(v.get("ownerId"), match.ownerId())) {
			reject(lines, "owner", batch.message("import.error.orderOwner"), written.rejected);
			return;
		}
		Map<String, Object> custom = batch.customFields(first, custom(match), false);
		if (custom == null) {
			written.rejected.add(first);
			reject(lines.subList(1, lines.size()), "", batch.message("import.error.orderLineRejected",
					String.valueOf(first.line())), written.rejected);
			return;
		}
		String currency = (String) pick(v, "currency", match.currency());
		List<OrderValues.Line> items = new ArrayList<>(lines.size());
		for (ImportRow line : lines) {
			BigDecimal price = (BigDecimal) line.values().get("unitPrice");
			items.add(new OrderValues.Line((UUID) line.values().get("productId"),
					(BigDecimal) line.values().get("quantity"),
					Money.isCurrency(currency) ? new Money(price, currency).amount() : price));
		}
		OrderValues wanted = new OrderValues(match.id(), match.version(), match.ownerId(), match.teamId(),
				(String) pick(v, "externalId", match.externalId()), (UUID) pick(v, "accountId", match.accountId()),
				match.number(), (LocalDate) pick(v, "orderDate", match.orderDate()), currency,
				(String) pick(v, "status", match.status()), (String) pick(v, "notes", match.notes()), items, custom,
				match.confirmedAt());
		if (RecordKind.sameValues(wanted, withCustom(match, custom(match)))) {
			written.unchanged += lines.size();
			return;
		}
		SalesOrder order = em.find(SalesOrder.class, match.id(), LockModeType.PESSIMISTIC_WRITE);
		if (order == null || order.getVersion() != match.version()) {
			reject(lines, "", batch.message("import.error.changed"), written.rejected);
			return;
		}
		try {
			if (!RecordKind.sameValues(withStatus(wanted, match.status()), withCustom(match, custom(match)))) {
				revision.revise(batch.actor(), order, new OrderDetails(wanted.accountId(), wanted.orderDate(),
						wanted.currency(), wanted.notes(), items.stream()
							.map(l -> new OrderDetails.LineDetails(l.productId(), l.quantity(), l.unitPrice()))
							.toList(), wanted.externalId()));
				order.changeCustomFields(custom);
			}
			if (!wanted.status().equals(match.status())) {
				order.moveTo(OrderStatus.valueOf(wanted.status()), clock.instant());
			}
		}
		catch (InvalidField | RuleBroken refused) {
			// nothing of the refused change may reach the database with the rest of the batch
			em.detach(order);
			reject(lines, "", batch.message("import.error.orderRefused", match.number(),
					batch.message(refused.messageKey(), refused.getArguments())), written.rejected);
			return;
		}
		// saved through the repository, so that what the order registered (a confirmation's OrderPlaced) is announced
		orders.saveAndFlush(order);
		written.updated.add(new ImportOutcome.Updated(match.id(), order.getVersion(), match));
		written.updatedRows += lines.size();
	}

	private static Map<String, Object> custom(OrderValues order) {
		return order.customFields() == null ? Map.of() : order.customFields();
	}

	private static OrderValues withCustom(OrderValues o, Map<String, Object> custom) {
		return new OrderValues(o.id(), o.version(), o.ownerId(), o.teamId(), o.externalId(), o.accountId(), o.number(),
				o.orderDate(), o.currency(), o.status(), o.notes(), o.lines(), custom, o.confirmedAt());
	}

	private static OrderValues withStatus(OrderValues o, String status) {
		return new OrderValues(o.id(), o.version(), o.ownerId(), o.teamId(), o.externalId(), o.accountId(), o.number(),
				o.orderDate(), o.currency(), status, o.notes(), o.lines(), o.customFields(), o.confirmedAt());
	}

	/** The row's value of the column if the row has the column, else the order's. */
	private static Object pick(Map<String, Object> values, String key, Object otherwise) {
		return values.containsKey(key) ? values.get(key) : otherwise;
	}

	private static void reject(List<ImportRow> lines, String column, String reason, List<ImportRow> rejected) {
		for (ImportRow line : lines) {
			line.reject(column, reason);
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
				(String) v.getOrDefault("status", DRAFT), (String) v.get("notes"), items, custom, null);
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
				o.orderDate(), o.currency(), o.status(), o.notes(), o.lines(), o.customFields(), o.confirmedAt());
	}

	/** Visible orders whose id or external id, as the key says, is one of the values. */
	private List<OrderValues> findOrders(Actor actor, MatchBy key, Collection<String> values) {
		return records.find(SalesOrder.class, actor, key, key == MatchBy.ID ? "r.id" : "r.externalId", values,
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
			BigDecimal total = lines(o, currency, lines);
			rows.put(o.id(), new Object[] { OrderBook.number(next), o.accountId(), o.orderDate(), o.status(), total,
					currency, o.notes(), confirmed ? at : null, o.externalId(), o.ownerId(), o.teamId(),
					o.customFields() });
		}
		records.insert(new BulkRecords.Table<>("sales_order", "number, account_id, order_date, status, total, "
				+ "currency, notes, confirmed_at, external_id, owner_id, team_id, custom_fields", "vudvnvvtvuuj",
				o -> rows.get(o.id()), OrderValues::id, OrderValues::version), actor, orders);
		records.rows().insert("sales_order_line", "id, order_id, position, product_id, quantity, unit_price",
				"uuiunn", lines);
		events.publishEvent(new OrdersImported(orders.stream().map(o -> new OrderId(o.id())).toList(), List.of()));
	}

	/**
	 * Adds the order's lines, priced to the currency, to the rows to store, and answers their total: their sum
	 * rounded once, as the order keeps it.
	 */
	private static BigDecimal lines(OrderValues o, String currency, List<Object[]> lines) {
		List<BigDecimal> amounts = new ArrayList<>(o.lines().size());
		int position = 0;
		for (OrderValues.Line line : o.lines()) {
			BigDecimal unitPrice = new Money(line.unitPrice(), currency).amount();
			OrderLine stored = new OrderLine(position++, new ProductId(line.productId()), line.quantity(), unitPrice);
			amounts.add(stored.amount());
			lines.add(new Object[] { stored.getId(), o.id(), stored.getPosition(), stored.getProductId(),
					stored.getQuantity(), stored.getUnitPrice() });
		}
		return SalesOrder.totalOf(amounts, currency).amount();
	}

	/**
	 * Writes back, on undo, the orders an import changed, each only if it still has the version given: their date,
	 * status, notes, external id, custom fields and lines as they were, and the total of those lines.
	 */
	@Override
	public Set<UUID> writeBack(Actor actor, List<OrderValues> orders) {
		if (orders.isEmpty()) {
			return Set.of();
		}
		Map<UUID, Object[]> rows = new HashMap<>();
		List<Object[]> lines = new ArrayList<>();
		for (OrderValues o : orders) {
			BigDecimal total = lines(o, o.currency(), lines);
			rows.put(o.id(), new Object[] { o.orderDate(), o.status(), total, o.notes(),
					o.confirmedAt() == null ? null : OffsetDateTime.ofInstant(o.confirmedAt(), ZoneOffset.UTC),
					o.externalId(), o.customFields() });
		}
		Set<UUID> written = records.update(new BulkRecords.Table<>("sales_order",
				"order_date, status, total, notes, confirmed_at, external_id, custom_fields", "dvnvtvj",
				o -> rows.get(o.id()), OrderValues::id, OrderValues::version), actor, orders);
		if (!written.isEmpty()) {
			named.update("delete from sales_order_line where order_id in (:ids)",
					new MapSqlParameterSource("ids", written));
			records.rows().insert("sales_order_line", "id, order_id, position, product_id, quantity, unit_price",
					"uuiunn", lines.stream().filter(line -> written.contains((UUID) line[1])).toList());
			events.publishEvent(new OrdersImported(List.of(), written.stream().map(OrderId::new).toList()));
		}
		return written;
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
				o.getNotes(), lines, o.getCustomFields(), o.getConfirmedAt());
	}
}
