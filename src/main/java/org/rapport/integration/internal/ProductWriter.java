package org.rapport.integration.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.sales.ProductImports;
import org.rapport.sales.ProductValues;
import org.rapport.shared.MatchBy;
import org.springframework.stereotype.Component;

/**
 * Imports products; they match by SKU (without case) or external id. A new product without a currency is priced in
 * euros, as the product form suggests, and is active unless the row says otherwise.
 */
@Component
class ProductWriter extends RowWriter<ProductValues> {

	static final String DEFAULT_CURRENCY = "EUR";

	private final ProductImports products;

	ProductWriter(ProductImports products) {
		this.products = products;
	}

	@Override
	ImportEntity entity() {
		return ImportEntity.PRODUCTS;
	}

	@Override
	Class<ProductValues> type() {
		return ProductValues.class;
	}

	@Override
	List<ProductValues> find(Actor actor, MatchBy key, Collection<String> values) {
		return products.findProducts(key, values);
	}

	@Override
	String lookupValue(MatchBy key, Map<String, Object> values) {
		return switch (key) {
			case EXTERNAL_ID -> (String) values.get("externalId");
			case NUMBER -> lower(values.get("sku"));
			case EMAIL, NAME -> null;
		};
	}

	@Override
	String key(MatchBy key, Map<String, Object> values) {
		return lookupValue(key, values);
	}

	@Override
	String key(MatchBy key, ProductValues p) {
		return switch (key) {
			case EXTERNAL_ID -> p.externalId();
			case NUMBER -> lower(p.sku());
			case EMAIL, NAME -> null;
		};
	}

	@Override
	Set<String> takenUniqueValues(Collection<String> values) {
		return products.takenSkus(values);
	}

	@Override
	String uniqueValue(Map<String, Object> values) {
		return lower(values.get("sku"));
	}

	@Override
	String uniqueValue(ProductValues record) {
		return lower(record.sku());
	}

	@Override
	ProductValues create(UUID id, Map<String, Object> v) {
		return merge(new ProductValues(id, 0, (UUID) v.get("ownerId"), (UUID) v.get("teamId"), null, null, null, null,
				BigDecimal.ZERO, DEFAULT_CURRENCY, true, null, Map.of()), v);
	}

	/** An SKU that differs only in case from the stored one leaves it as it is. */
	@Override
	ProductValues merge(ProductValues p, Map<String, Object> v) {
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
	Map<String, Object> customFields(ProductValues record) {
		return record.customFields();
	}

	@Override
	UUID id(ProductValues record) {
		return record.id();
	}

	@Override
	long version(ProductValues record) {
		return record.version();
	}

	@Override
	String externalId(ProductValues record) {
		return record.externalId();
	}

	@Override
	ProductValues withVersion(ProductValues p, long version) {
		return new ProductValues(p.id(), version, p.ownerId(), p.teamId(), p.externalId(), p.sku(), p.name(),
				p.category(), p.unitPrice(), p.currency(), p.active(), p.description(), p.customFields());
	}

	@Override
	Set<String> takenExternalIds(Collection<String> externalIds) {
		return products.takenExternalIds(externalIds);
	}

	@Override
	void insert(Actor actor, List<ProductValues> records) {
		products.insertProducts(actor, records);
	}

	@Override
	Set<UUID> update(Actor actor, List<ProductValues> records) {
		return products.updateProducts(actor, records);
	}

	@Override
	List<ProductValues> current(Collection<UUID> ids) {
		return products.products(ids);
	}

	@Override
	void delete(Collection<UUID> ids) {
		products.deleteProducts(ids);
	}
}
