package org.rapport.sales.catalogue.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.MatchBy;
import org.rapport.integration.RecordKind;
import org.rapport.integration.bulk.BulkRecords;
import org.rapport.sales.ProductId;
import org.rapport.sales.ProductsImported;
import org.rapport.shared.Money;
import org.rapport.shared.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports products; they match by SKU (without case) or external id. A new product is priced in the currency its row
 * or its price's symbol names, else in the import's currency of amounts that name none, and is active unless the row
 * says otherwise. Only administrators and
 * managers import products, as only they change the catalogue; a batch is written in bulk, with one
 * {@link ProductsImported} event for it.
 */
@Component
public class ProductImport extends RecordKind<ProductValues> {

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.id(),
			ImportColumn.externalId(),
			ImportColumn.required("sku", 64, "SKU", "Product Code", "Item Code", "Item Number", "Code", "Number",
					"产品编号", "产品代码", "商品编号", "商品编码", "货号", "编号", "编码"),
			ImportColumn.required("name", 200, "Product", "Product Name", "Name", "Item", "Item Name", "产品",
					"产品名称", "商品", "商品名称", "名称"),
			ImportColumn.text("category", 100, "Category", "Product Category", "Family", "类别", "分类", "产品类别",
					"商品类别"),
			ImportColumn.required("unitPrice", Type.AMOUNT, "Unit Price", "Price", "List Price", "unit_price", "单价",
					"价格", "售价"),
			ImportColumn.of("currency", Type.CURRENCY, "Currency", "币种", "货币"),
			ImportColumn.of("active", Type.BOOLEAN, "Active", "Is Active", "Enabled", "启用", "有效", "是否启用"),
			ImportColumn.text("description", 4000, "Description", "Notes", "描述", "说明", "备注"));

	private static final BulkRecords.Table<ProductValues> TABLE = new BulkRecords.Table<>("product",
			"sku, name, category, unit_price, currency, active, description, external_id, owner_id, team_id, "
					+ "custom_fields",
			"vvvnvbvvuuj", ProductImport::columns, ProductValues::id, ProductValues::version);

	private final BulkRecords records;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;

	ProductImport(BulkRecords records, NamedParameterJdbcTemplate named, ApplicationEventPublisher events) {
		this.records = records;
		this.named = named;
		this.events = events;
	}

	@Override
	public String name() {
		return "products";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public String customFieldsEntity() {
		return "product";
	}

	@Override
	public List<ImportColumn> columns() {
		return COLUMNS;
	}

	@Override
	public List<MatchBy> matchKeys() {
		return List.of(MatchBy.NUMBER, MatchBy.EXTERNAL_ID, MatchBy.ID);
	}

	/** Only administrators and managers may import products, as only they change the catalogue. */
	@Override
	public boolean mayImport(Actor actor) {
		return actor.isAdmin() || actor.isManager();
	}

	@Override
	public Class<ProductValues> valuesType() {
		return ProductValues.class;
	}

	@Override
	protected List<ProductValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return products(key, values);
	}

	/**
	 * Products whose external id, SKU or name (both without case) is one of the values; everybody sees products, so
	 * that an order's lines find them.
	 */
	public List<ProductValues> products(MatchBy key, Collection<String> values) {
		String path = switch (key) {
			case EXTERNAL_ID -> "r.externalId";
			case NUMBER -> "lower(r.sku)";
			case NAME -> "lower(r.name)";
			case ID -> "r.id";
			case EMAIL -> throw new IllegalArgumentException("Products match by external id, SKU or name");
		};
		return records.find(Product.class, null, key, path, values, ProductImport::values);
	}

	@Override
	protected String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case NUMBER -> lower(values.get("sku"));
			case EMAIL, NAME, ID -> null;
		};
	}

	@Override
	protected String key(MatchBy key, Map<String, Object> values) {
		return lookupValue(key, values);
	}

	@Override
	protected String key(MatchBy key, ProductValues p) {
		return switch (key) {
			case EXTERNAL_ID -> p.externalId();
			case NUMBER -> lower(p.sku());
			case EMAIL, NAME, ID -> null;
		};
	}

	@Override
	protected Set<String> takenUniqueValues(Collection<String> skus) {
		Set<String> lower = new HashSet<>();
		skus.forEach(s -> lower.add(s.strip().toLowerCase(Locale.ROOT)));
		return new HashSet<>(named.queryForList("select lower(sku) from product where lower(sku) in (:skus)",
				new MapSqlParameterSource("skus", lower), String.class));
	}

	@Override
	protected String uniqueValue(Map<String, Object> values) {
		return lower(values.get("sku"));
	}

	@Override
	protected String uniqueValue(ProductValues record) {
		return lower(record.sku());
	}

	@Override
	protected ProductValues create(ImportBatch batch, UUID id, Map<String, Object> v) {
		return merge(new ProductValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null, null,
				BigDecimal.ZERO, batch.cells().currency(), true, null, Map.of()), v);
	}

	/** An SKU that differs only in case from the stored one leaves it as it is. */
	@Override
	protected ProductValues merge(ProductValues p, Map<String, Object> v) {
		String sku = pick(v, "sku", p.sku());
		if (p.sku() != null && p.sku().equalsIgnoreCase(sku)) {
			sku = p.sku();
		}
		return new ProductValues(p.id(), p.version(), p.ownerId(), p.teamId(), pick(v, "externalId", p.externalId()),
				sku, pick(v, "name", p.name()), pick(v, "category", p.category()),
				pick(v, "unitPrice", p.unitPrice()), pick(v, "currency", p.currency()),
				pick(v, "active", p.active()), pick(v, "description", p.description()),
				pick(v, "customFields", p.customFields()));
	}

	@Override
	protected Map<String, Object> customFields(ProductValues record) {
		return record.customFields();
	}

	@Override
	public UUID id(ProductValues record) {
		return record.id();
	}

	@Override
	public long version(ProductValues record) {
		return record.version();
	}

	@Override
	protected String externalId(ProductValues record) {
		return record.externalId();
	}

	@Override
	public ProductValues withVersion(ProductValues p, long version) {
		return new ProductValues(p.id(), version, p.ownerId(), p.teamId(), p.externalId(), p.sku(), p.name(),
				p.category(), p.unitPrice(), p.currency(), p.active(), p.description(), p.customFields());
	}

	@Override
	protected Set<String> takenExternalIds(Collection<String> externalIds) {
		return records.takenExternalIds("product", externalIds);
	}

	@Override
	protected void insert(Actor actor, List<ProductValues> products) {
		requireRight(actor);
		if (products.isEmpty()) {
			return;
		}
		records.insert(TABLE, actor, products);
		events.publishEvent(new ProductsImported(products.stream().map(p -> new ProductId(p.id())).toList(),
				List.of()));
	}

	@Override
	protected Set<UUID> update(Actor actor, List<ProductValues> products) {
		requireRight(actor);
		if (products.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = records.update(TABLE, actor, products);
		events.publishEvent(new ProductsImported(List.of(), written.stream().map(ProductId::new).toList()));
		return written;
	}

	@Override
	public List<ProductValues> current(Collection<UUID> ids) {
		return records.byIds(Product.class, ids, ProductImport::values);
	}

	/** Fails on a product that an opportunity or an order names. */
	@Override
	public void delete(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			records.delete("product", ids);
			events.publishEvent(new ProductsImported(List.of(), List.of(), ids.stream().map(ProductId::new).toList()));
		}
	}

	private void requireRight(Actor actor) {
		if (!mayImport(actor)) {
			throw new NotPermitted("product.bulk.notPermitted", "Only administrators and managers change products");
		}
	}

	private static ProductValues values(Product p) {
		return new ProductValues(p.getId(), p.getVersion(), p.getOwnerId(), p.getTeamId(), p.getExternalId(),
				p.getSku(), p.getName(), p.getCategory(), p.getUnitPrice().amount(), p.getUnitPrice().currency(),
				p.isActive(), p.getDescription(), p.getCustomFields());
	}

	private static Object[] columns(ProductValues p) {
		// the price rounded to its currency as the product's page keeps it
		Money price = new Money(p.unitPrice(), p.currency());
		return new Object[] { p.sku(), p.name(), p.category(), price.amount(), price.currency(), p.active(),
				p.description(), p.externalId(), p.ownerId(), p.teamId(), p.customFields() };
	}
}
