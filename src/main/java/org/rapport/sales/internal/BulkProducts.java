package org.rapport.sales.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.sales.ProductId;
import org.rapport.sales.ProductImports;
import org.rapport.sales.ProductValues;
import org.rapport.sales.ProductsImported;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.shared.BulkRows;
import org.rapport.shared.Money;
import org.rapport.shared.MatchBy;
import org.rapport.shared.NotPermitted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk path of product imports: rows written many at once through {@link BulkRows} (new ones with COPY on
 * PostgreSQL) without a domain event per product, one event per batch.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BulkProducts implements ProductImports {

	private static final String COLUMNS = "sku, name, category, unit_price, currency, active, description, "
			+ "external_id, owner_id, team_id, custom_fields";

	/** The types of the columns above, a letter each (see {@link BulkRows}). */
	private static final String TYPES = "vvvnvbvvuuj";

	private final EntityManager em;
	private final NamedParameterJdbcTemplate named;
	private final ApplicationEventPublisher events;
	private final BulkRows bulk;
	private final Clock clock;

	BulkProducts(EntityManager em, NamedParameterJdbcTemplate named, ApplicationEventPublisher events,
			BulkRows bulk, Clock clock) {
		this.clock = clock;
		this.em = em;
		this.named = named;
		this.events = events;
		this.bulk = bulk;
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean mayImport(Actor actor) {
		return actor.isAdmin() || actor.isManager();
	}

	@Override
	public List<ProductValues> findProducts(MatchBy key, Collection<String> values) {
		String column = switch (key) {
			case EXTERNAL_ID -> "p.externalId";
			case NUMBER -> "lower(p.sku)";
			case NAME -> "lower(p.name)";
			case EMAIL -> throw new IllegalArgumentException("Products match by external id, SKU or name");
		};
		Set<String> keys = new HashSet<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				keys.add(key == MatchBy.EXTERNAL_ID ? value.strip() : value.strip().toLowerCase(Locale.ROOT));
			}
		}
		if (keys.isEmpty()) {
			return List.of();
		}
		return select("where " + column + " in :keys", "keys", keys);
	}

	@Override
	public Set<String> takenExternalIds(Collection<String> externalIds) {
		return bulk.existing("product", "external_id", externalIds);
	}

	@Override
	public Set<String> takenSkus(Collection<String> skus) {
		if (skus.isEmpty()) {
			return Set.of();
		}
		Set<String> lower = new HashSet<>();
		skus.forEach(s -> lower.add(s.strip().toLowerCase(Locale.ROOT)));
		return new HashSet<>(named.queryForList("select lower(sku) from product where lower(sku) in (:skus)",
				new MapSqlParameterSource("skus", lower), String.class));
	}

	@Override
	public void insertProducts(Actor actor, List<ProductValues> products) {
		requireRight(actor);
		if (products.isEmpty()) {
			return;
		}
		bulk.insertRecords("product", COLUMNS, TYPES, products, this::columns, ProductValues::id, actor.id().value(),
				now());
		events.publishEvent(new ProductsImported(products.stream().map(p -> new ProductId(p.id())).toList(),
				List.of()));
	}

	@Override
	public Set<UUID> updateProducts(Actor actor, List<ProductValues> products) {
		requireRight(actor);
		if (products.isEmpty()) {
			return Set.of();
		}
		Set<UUID> written = bulk.updateRecords("product", COLUMNS, TYPES, products, this::columns, ProductValues::id,
				ProductValues::version, actor.id().value(), now());
		events.publishEvent(new ProductsImported(List.of(), written.stream().map(ProductId::new).toList()));
		return written;
	}

	@Override
	public List<ProductValues> products(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return select("where p.id in :ids", "ids", ids);
	}

	@Override
	public void deleteProducts(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			named.update("delete from product where id in (:ids)", new MapSqlParameterSource("ids", ids));
			events.publishEvent(new ProductsImported(List.of(), List.of(), ids.stream().map(ProductId::new).toList()));
		}
	}

	private static void requireRight(Actor actor) {
		if (!(actor.isAdmin() || actor.isManager())) {
			throw new NotPermitted("product.bulk.notPermitted", "Only administrators and managers change products");
		}
	}

	/** Reads through the entity, which knows how each database hands back the custom field values. */
	private List<ProductValues> select(String where, String name, Collection<?> values) {
		List<Product> found = em.createQuery("select p from Product p " + where, Product.class)
			.setParameter(name, values)
			.getResultList();
		found.forEach(em::detach);
		return found.stream().map(BulkProducts::values).toList();
	}

	private static ProductValues values(Product p) {
		return new ProductValues(p.getId(), p.getVersion(), p.getOwnerId(), p.getTeamId(), p.getExternalId(),
				p.getSku(), p.getName(), p.getCategory(), p.getUnitPrice().amount(), p.getUnitPrice().currency(),
				p.isActive(), p.getDescription(), p.getCustomFields());
	}

	private Object[] columns(ProductValues p) {
		// the price rounded to its currency as the product's page keeps it
		Money price = new Money(p.unitPrice(), p.currency());
		return new Object[] { p.sku(), p.name(), p.category(), price.amount(), price.currency(), p.active(),
				p.description(), p.externalId(), p.ownerId(), p.teamId(), bulk.json(p.customFields()) };
	}


	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}
}
