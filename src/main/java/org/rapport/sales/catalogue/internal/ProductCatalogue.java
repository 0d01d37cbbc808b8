package org.rapport.sales.catalogue.internal;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.shared.InvalidField;
import org.rapport.shared.NotPermitted;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.rapport.shared.ExternalIds;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product catalogue: everybody sees it, administrators and managers change it.
 */
@Service
@Transactional(readOnly = true)
public class ProductCatalogue {

	/** The name of products among the kinds of record that take custom fields. */
	public static final String ENTITY = "product";

	private final Products products;
	private final EntityManager em;
	private final CustomFields customFields;

	ProductCatalogue(Products products, EntityManager em, CustomFields customFields) {
		this.products = products;
		this.em = em;
		this.customFields = customFields;
	}

	/**
	 * The orders the catalogue offers: by name, ending in the id, or by SKU, which is unique; an index starts with
	 * each.
	 */
	public static final SortWhitelist SORTS = SortWhitelist.defaultingTo("name", Sort.Direction.ASC, "p.name", "p.id")
		.with("sku", "p.sku");

	/** The orders of the list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "p");
	}

	public ResultPage<Product> list(ProductFilter filter, Sort sort, int page, int size) {
		return list(filter, sort, CustomFieldQuery.none(), page, size);
	}

	/** A page of the products that match the filter and the custom-field filters, in the chosen order. */
	public ResultPage<Product> list(ProductFilter filter, Sort sort, CustomFieldQuery custom, int page,
			int size) {
		return custom.applyTo(query(filter), "p")
			.page(em, Product.class, null, sorts(custom).orderBy(sort), page, size);
	}

	/** Hands every product that matches to the action, in list order, for an export. */
	@Transactional(readOnly = true)
	public void forEach(ProductFilter filter, Sort sort, CustomFieldQuery custom,
			java.util.function.Consumer<Product> action) {
		custom.applyTo(query(filter), "p")
			.forEach(em, Product.class, null, sorts(custom).orderBy(sort), action);
	}

	private static VisibleQuery query(ProductFilter filter) {
		String category = filter.category() == null || filter.category().isBlank() ? null : filter.category().strip();
		VisibleQuery query = VisibleQuery.unrestricted("Product", "p")
			.startingWith(filter.q(), "p.name", "p.sku")
			.where("p.category = :category", "category", category)
			.where("p.active = :active", "active", filter.active());
		return query;
	}

	/** The product, if there is one with this id. */
	public Product get(UUID id) {
		return products.findById(id)
			.orElseThrow(() -> new RecordNotFound("product.notFound", "No product " + id, id));
	}

	/** Products still offered, by name, for the order form. */
	public List<Product> offered() {
		return products.findByActiveTrueOrderByName();
	}

	/** The categories in use, for the list's filter. */
	public List<String> categories() {
		return em.createQuery("select distinct p.category from Product p where p.category is not null order by p.category",
				String.class).getResultList();
	}

	public static boolean mayChange(Actor actor) {
		return actor.isAdmin() || actor.isManager();
	}

	@Transactional
	public Product create(Actor actor, ProductDetails details) {
		return create(actor, details, null);
	}

	/** Adds a product with custom field values, which their definitions check (defaults fill the rest). */
	@Transactional
	public Product create(Actor actor, ProductDetails details, Map<String, ?> custom) {
		requireChanger(actor);
		requireFreeSku(details.sku(), null);
		String externalId = requireFreeExternalId(details, null);
		Product product = new Product(details.sku(), details.name(), details.description(), details.unitPrice(),
				details.category(), details.active(), actor.id(), actor.team());
		product.identify(externalId);
		product.changeCustomFields(customFields.merge(ENTITY, Map.of(), custom, true));
		return products.saveAndFlush(product);
	}

	@Transactional
	public Product update(Actor actor, UUID id, long expectedVersion, ProductDetails details) {
		return update(actor, id, expectedVersion, details, null);
	}

	/** Changes a product; custom field values not given ({@code null} for none) stay as they are. */
	@Transactional
	public Product update(Actor actor, UUID id, long expectedVersion, ProductDetails details, Map<String, ?> custom) {
		requireChanger(actor);
		Product product = get(id);
		if (product.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Product.class, id);
		}
		requireFreeSku(details.sku(), id);
		requireFreeExternalId(details, id);
		product.identify(details.externalId());
		product.describe(details.sku(), details.name(), details.description(), details.unitPrice(),
				details.category(), details.active());
		if (custom != null) {
			product.changeCustomFields(customFields.merge(ENTITY, product.getCustomFields(), custom, false));
		}
		return products.saveAndFlush(product);
	}

	/** Refuses an external id that another product holds, as imports refuse it; everybody sees products. */
	private String requireFreeExternalId(ProductDetails details, UUID self) {
		return ExternalIds.requireFree(details.externalId(), self, products::findByExternalId, other -> true);
	}

	/**
	 * Deletes a product that no order or opportunity names; one that is named is retired instead, so that those
	 * records keep their lines. Answers whether it was deleted.
	 */
	@Transactional
	public boolean deleteOrRetire(Actor actor, UUID id) {
		requireChanger(actor);
		Product product = get(id);
		if (timesNamed(id) > 0) {
			product.describe(product.getSku(), product.getName(), product.getDescription(), product.getUnitPrice(),
					product.getCategory(), false);
			products.saveAndFlush(product);
			return false;
		}
		products.delete(product);
		return true;
	}

	private long timesNamed(UUID product) {
		Number orderLines = (Number) em.createNativeQuery("select count(*) from sales_order_line where product_id = ?1")
			.setParameter(1, product).getSingleResult();
		Number opportunityLines = (Number) em
			.createNativeQuery("select count(*) from opportunity_line where product_id = ?1")
			.setParameter(1, product).getSingleResult();
		return orderLines.longValue() + opportunityLines.longValue();
	}

	private static void requireChanger(Actor actor) {
		if (!mayChange(actor)) {
			throw new NotPermitted("product.notPermitted",
					"Only administrators and managers may change the product catalogue");
		}
	}

	private void requireFreeSku(String sku, UUID self) {
		products.findBySkuIgnoreCase(sku.strip())
			.filter(other -> !other.getId().equals(self))
			.ifPresent(other -> {
				throw new InvalidField("sku", "validation.sku.taken", "Another product has this SKU");
			});
	}
}
