package org.rapport.sales.orders.web;

import org.rapport.sales.web.SalesCustomFields;
import org.springframework.util.MultiValueMap;
import org.rapport.customization.CustomFieldQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderFilter;
import org.rapport.sales.orders.internal.OrderStatus;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.web.Versions;
import org.rapport.web.ApiPage;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.web.SortedBy;
import org.rapport.customers.AccountReferences;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Purchases of accounts: lines of products, a total, a status")
class OrderApiController {

	private final OrderBook orders;
	private final CurrentActor currentActor;

	private final SalesCustomFields customFields;

	private final AccountReferences accounts;

	OrderApiController(OrderBook orders, CurrentActor currentActor, SalesCustomFields customFields,
			AccountReferences accounts) {
		this.accounts = accounts;
		this.customFields = customFields;
		this.orders = orders;
		this.currentActor = currentActor;
	}

	@GetMapping
	@Operation(summary = "List the orders you may see", description = "from and to bound the order date, both "
			+ "included; sort is orderDate or number with ,asc or ,desc (newest first by default).")
	ApiPage<OrderResource> list(@RequestParam(required = false) UUID account,
			@RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@SortedBy(OrderBook.class) @RequestParam(required = false) String sort,
				@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
		Paging paging = Paging.of(page, size);
		CustomFieldQuery custom = customFields.query(OrderBook.ENTITY, params);
		return ApiPage.of(orders
			.list(currentActor.get(), new OrderFilter(account, status, from, to),
				SortParameter.parse(sort, OrderBook.sorts(custom)),
					custom, paging.page(), paging.size())
			.map(OrderResource::of));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an order", description = "The ETag header carries its version for If-Match.")
	ResponseEntity<OrderResource> get(@PathVariable UUID id) {
		return answer(orders.get(currentActor.get(), id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Create a draft order", description = "The account must be one you see; a line without "
			+ "unitPrice takes the product's price; the currency defaults to the first product's.")
	ResponseEntity<OrderResource> create(@Valid @RequestBody OrderInput input) {
		Actor actor = currentActor.get();
		SalesOrder order = orders.create(actor,
				input.toDetails(accounts.named(actor, input.accountId(), input.accountExternalId())),
				input.customFields() == null ? Map.of() : input.customFields());
		return ResponseEntity.created(URI.create("/api/v1/orders/" + order.getId()))
			.eTag(Versions.etag(order.getVersion()))
			.body(OrderResource.of(order));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a draft order's date, notes and lines", description = "Send If-Match: a stale "
			+ "one answers 412, a race 409; an order past draft answers 409.")
	ResponseEntity<OrderResource> update(@PathVariable UUID id, @Valid @RequestBody OrderInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		long expected = Versions.required(ifMatch, input.version(), orders.get(actor, id).getVersion());
		return answer(orders.update(actor, id, expected,
				input.toDetails(accounts.named(actor, input.accountId(), input.accountExternalId())),
				input.customFields()));
	}

	@PostMapping("/{id}/confirm")
	@Operation(summary = "Confirm a draft order", description = "The purchase: publishes OrderPlaced. A move the "
			+ "status does not allow answers 409.")
	ResponseEntity<OrderResource> confirm(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(orders.confirm(actor, id, expected(actor, id, ifMatch)));
	}

	@PostMapping("/{id}/fulfil")
	@Operation(summary = "Mark a confirmed order fulfilled")
	ResponseEntity<OrderResource> fulfil(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(orders.fulfil(actor, id, expected(actor, id, ifMatch)));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a draft or confirmed order")
	ResponseEntity<OrderResource> cancel(@PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Actor actor = currentActor.get();
		return answer(orders.cancel(actor, id, expected(actor, id, ifMatch)));
	}

	private long expected(Actor actor, UUID id, String ifMatch) {
		return Versions.expected(ifMatch, null, orders.get(actor, id).getVersion());
	}

	private static ResponseEntity<OrderResource> answer(SalesOrder order) {
		return ResponseEntity.ok().eTag(Versions.etag(order.getVersion())).body(OrderResource.of(order));
	}
}
