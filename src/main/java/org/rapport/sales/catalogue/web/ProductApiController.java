package org.rapport.sales.catalogue.web;

import org.rapport.sales.web.SalesCustomFields;
import org.springframework.util.MultiValueMap;
import org.rapport.customization.CustomFieldQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductFilter;
import org.rapport.web.Versions;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products", description = "The catalogue: what the company sells, at which list price")
class ProductApiController {

	private final ProductCatalogue catalogue;
	private final CurrentActor currentActor;

	private final SalesCustomFields customFields;

	ProductApiController(ProductCatalogue catalogue, CurrentActor currentActor, SalesCustomFields customFields) {
		this.customFields = customFields;
		this.catalogue = catalogue;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the catalogue", description = "q matches the start of the name or SKU; sort is "
			+ "name or sku with ,asc or ,desc.")
	ApiPage<ProductResource> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String category, @RequestParam(required = false) Boolean active,
			@SortedBy(ProductCatalogue.class) @RequestParam(required = false) String sort,
				@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = customFields.query(ProductCatalogue.ENTITY, params);
		return ApiPage.of(catalogue
			.list(new ProductFilter(q, category, active), SortParameter.parse(sort, ProductCatalogue.sorts(custom)),
				custom,
					paging.page(), paging.size())
			.map(ProductResource::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a product", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<ProductResource> get(@PathVariable UUID id) {
		Product product = catalogue.get(id);
		return ResponseEntity.ok().eTag(Versions.etag(product.getVersion())).body(ProductResource.of(product));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Add a product", description = "Administrators and managers only; a SKU another product "
			+ "has answers 422.")
	ResponseEntity<ProductResource> create(@Valid @RequestBody ProductInput input) {
		Product product = catalogue.create(currentActor.get(), input.toDetails(),
				input.customFields() == null ? Map.of() : input.customFields());
		return ResponseEntity.created(URI.create("/api/v1/products/" + product.getId()))
			.eTag(Versions.etag(product.getVersion()))
			.body(ProductResource.of(product));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a product's fields", description = "Send If-Match with the ETag you read: a "
			+ "stale one answers 412, a change that races another answers 409.")
	ResponseEntity<ProductResource> update(@PathVariable UUID id, @Valid @RequestBody ProductInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		Product current = catalogue.get(id);
		long expected = Versions.required(ifMatch, input.version(), current.getVersion());
		Product product = catalogue.update(actor, id, expected, input.toDetails(), input.customFields());
		return ResponseEntity.ok().eTag(Versions.etag(product.getVersion())).body(ProductResource.of(product));
	}

	@DeleteMapping("/{id}")
	@ApiResponse(responseCode = "200", description = "Retired, because orders or opportunities name it")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@Operation(summary = "Delete or retire a product", description = "A product no order or opportunity names is "
			+ "deleted (204); one that is named is retired (200 with the product, now inactive).")
	ResponseEntity<ProductResource> delete(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		if (ifMatch != null) {
			Versions.expected(ifMatch, null, catalogue.get(id).getVersion());
		}
		if (catalogue.deleteOrRetire(actor, id)) {
			return ResponseEntity.noContent().build();
		}
		Product retired = catalogue.get(id);
		return ResponseEntity.ok().eTag(Versions.etag(retired.getVersion())).body(ProductResource.of(retired));
	}
}
