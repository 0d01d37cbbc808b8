package org.rapport.integration.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.integration.ImportBatch;
import org.rapport.integration.ImportColumn;
import org.rapport.integration.ImportColumn.Type;
import org.rapport.integration.ImportRow;
import org.rapport.shared.MatchBy;
import org.rapport.integration.RecordKind;
import org.rapport.sales.ProductImports;
import org.rapport.sales.ProductValues;
import org.springframework.stereotype.Component;

/**
 * Imports products; they match by SKU (without case) or external id. A new product without a currency is priced in
 * euros, as the product form suggests, and is active unless the row says otherwise.
 */
@Component
class ProductImport extends RecordKind<ProductValues> {

	static final String DEFAULT_CURRENCY = "EUR";

	static final List<ImportColumn> COLUMNS = List.of(
			ImportColumn.text("externalId", 100, "External ID", "external_id", "外部编号", "外部ID"),
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

	private final ProductImports products;

	ProductImport(ProductImports products) {
		this.products = products;
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
		return List.of(MatchBy.NUMBER, MatchBy.EXTERNAL_ID);
	}

	/** Only administrators and managers may import products, as only they change the catalogue. */
	@Override
	public boolean mayImport(Actor actor) {
		return products.mayImport(actor);
	}

	@Override
	public Class<ProductValues> valuesType() {
		return ProductValues.class;
	}

	@Override
	protected List<ProductValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return products.findProducts(key, values);
	}

	@Override
	protected String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case NUMBER -> lower(values.get("sku"));
			case EMAIL, NAME -> null;
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
			case EMAIL, NAME -> null;
		};
	}

	@Override
	protected Set<String> takenUniqueValues(Collection<String> values) {
		return products.takenSkus(values);
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
	protected ProductValues create(UUID id, Map<String, Object> v) {
		return merge(new ProductValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null, null,
				BigDecimal.ZERO, DEFAULT_CURRENCY, true, null, Map.of()), v);
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
		return products.takenExternalIds(externalIds);
	}

	@Override
	protected void insert(Actor actor, List<ProductValues> records) {
		products.insertProducts(actor, records);
	}

	@Override
	protected Set<UUID> update(Actor actor, List<ProductValues> records) {
		return products.updateProducts(actor, records);
	}

	@Override
	public List<ProductValues> current(Collection<UUID> ids) {
		return products.products(ids);
	}

	@Override
	public void delete(Collection<UUID> ids) {
		products.deleteProducts(ids);
	}
}
