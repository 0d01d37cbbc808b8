package org.rapport.sales.catalogue.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.ProductId;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.Money;
import org.rapport.shared.ExternalIds;

/**
 * Something the company sells, at a list price in one currency. Retired products stay for the records that
 * name them but are no longer offered.
 */
@Entity
@Table(name = "product")
@Indexed(index = "product")
public class Product extends BusinessRecord<Product> {

	@Column(nullable = false, unique = true)
	@KeywordField(name = "number", normalizer = "lowercase", projectable = Projectable.YES)
	private String sku;

	@Column(nullable = false)
	@FullTextField(analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "name_grams", analyzer = "name_grams", norms = Norms.NO)
	private String name;

	private String description;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "amount", column = @Column(name = "unit_price")),
			@AttributeOverride(name = "currency", column = @Column(name = "currency")) })
	private Money unitPrice;

	private String category;

	@Column(nullable = false)
	private boolean active;

	/** The id another system gives the product; set by imports, unique where set. */
	private String externalId;

	protected Product() {
	}

	public Product(String sku, String name, String description, Money unitPrice, String category, boolean active,
			UserId owner, TeamId team) {
		super(owner.value(), team == null ? null : team.value());
		describe(sku, name, description, unitPrice, category, active);
	}

	public void describe(String sku, String name, String description, Money unitPrice, String category,
			boolean active) {
		if (unitPrice.isNegative()) {
			throw new IllegalArgumentException("A price cannot be negative");
		}
		this.sku = sku.strip();
		this.name = name.strip();
		this.description = description;
		this.unitPrice = unitPrice;
		this.category = category;
		this.active = active;
	}

	/** Takes the id another system gives the product, as {@link ExternalIds#changed} keeps it. */
	void identify(String givenExternalId) {
		this.externalId = ExternalIds.changed(externalId, givenExternalId);
	}

	public ProductId id() {
		return new ProductId(getId());
	}

	public String getSku() {
		return sku;
	}

	public String getName() {
		return name;
	}

	public String getDescription() {
		return description;
	}

	public Money getUnitPrice() {
		return unitPrice;
	}

	public String getCategory() {
		return category;
	}

	public boolean isActive() {
		return active;
	}

	public String getExternalId() {
		return externalId;
	}

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return ProductId.TYPE;
	}
}
