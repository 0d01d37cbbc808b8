package org.rapport.sales.catalogue.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.web.Checks;
import org.rapport.shared.Amount;
import org.rapport.shared.CurrencyCode;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;

/**
 * A product as the form and the API take it.
 */
record ProductInput(
		@Schema(description = "The id another system gives the product, unique among products. Left out, it stays as "
				+ "it is; empty, it is taken away.")
		@Size(max = ExternalIds.MAX_LENGTH) String externalId,
		@NotBlank @Size(max = 64) @Pattern(regexp = "^$|^[A-Za-z0-9][A-Za-z0-9._/-]*$", message = "{validation.sku}") String sku,
		@NotBlank @Size(max = 200) String name,
		@Size(max = 4000) String description,
		@NotNull @Amount @Digits(integer = 13, fraction = 4) BigDecimal unitPrice,
		@NotBlank @Pattern(regexp = "^$|^[A-Za-z]{3}$", message = "{validation.currency}") @CurrencyCode String currency,
		@Size(max = 100) String category,
		Boolean active,
		Map<String, Object> customFields,
		Long version) {

	/** A new product, active, priced in the currency given. */
	static ProductInput in(String currency) {
		return new ProductInput(null, null, null, null, null, currency, null, true, null, null);
	}

	static ProductInput of(Product product) {
		return new ProductInput(null, product.getSku(), product.getName(), product.getDescription(),
				product.getUnitPrice().amount(), product.getUnitPrice().currency(), product.getCategory(),
				product.isActive(), null, product.getVersion());
	}

	/** The product's fields; a currency that ISO 4217 does not know is an invalid field. */
	ProductDetails toDetails() {
		if (!Money.isCurrency(currency)) {
			throw new InvalidField("currency", "validation.currency", "Not an ISO 4217 currency code");
		}
		return new ProductDetails(sku.strip(), name.strip(), Checks.blankToNull(description),
				new Money(unitPrice, currency.strip().toUpperCase(Locale.ROOT)), Checks.blankToNull(category),
				active == null || active, externalId);
	}
}
