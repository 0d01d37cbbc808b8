package org.rapport.sales.orders.web;

import org.rapport.sales.web.SalesCustomFields;
import org.rapport.shared.RuleBroken;
import org.rapport.web.CsvDownload;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountReferences;
import org.rapport.customers.ExportedAccounts;
import org.rapport.customers.Customers;
import org.rapport.customization.CustomFieldForm;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.identity.Actor;
import org.rapport.identity.CurrentActor;
import org.rapport.identity.UserDirectory;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderFilter;
import org.rapport.sales.orders.internal.OrderStatus;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.web.FilterQuery;
import org.rapport.web.OwnerNames;
import org.rapport.web.Paging;
import org.rapport.web.SortParameter;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The order pages: the list with its filters, the detail page with the status moves, and the form with lines.
 */
@Controller
@RequestMapping("/orders")
class OrderController {

	private static final java.util.Map<String, OrderStatus> MOVES = new java.util.LinkedHashMap<>(
			java.util.Map.of("confirm", OrderStatus.CONFIRMED, "fulfil", OrderStatus.FULFILLED, "cancel",
					OrderStatus.CANCELLED));

	private final OrderBook orders;
	private final ProductCatalogue catalogue;
	private final Customers customers;
	private final CurrentActor currentActor;
	private final SalesCustomFields customFields;
	private final UserDirectory directory;
	private final Clock clock;
	private final AccountReferences accounts;

	OrderController(OrderBook orders, ProductCatalogue catalogue, Customers customers, CurrentActor currentActor,
			SalesCustomFields customFields, UserDirectory directory, Clock clock, AccountReferences accounts) {
		this.clock = clock;
		this.accounts = accounts;
		this.orders = orders;
		this.catalogue = catalogue;
		this.customers = customers;
		this.currentActor = currentActor;
		this.customFields = customFields;
		this.directory = directory;
	}

	@GetMapping
	String list(@RequestParam(required = false) UUID account, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		Actor actor = currentActor.get();
		OrderFilter filter = new OrderFilter(account, status, from, to);
		CustomFieldQuery custom = customFields.query(OrderBook.ENTITY, params);
		SortWhitelist.Choice sorting = SortParameter.choose(sort, OrderBook.sorts(custom));
		Paging paging = Paging.of(page, size);
		ResultPage<SalesOrder> result = orders.list(actor, filter, sorting.sort(), custom, paging.page(),
			paging.size());
		model.addAttribute("result", result);
		model.addAttribute("filter", filter);
		model.addAttribute("cfq", custom);
		model.addAttribute("baseQuery", new FilterQuery().with("account", account).with("status", status)
			.with("from", from).with("to", to).with("size", size).withAll(custom.params()).encoded());
		model.addAttribute("sort", sorting.param());
		model.addAttribute("sorting", sorting);
		model.addAttribute("accountNames", accountNames(result.items().stream().map(SalesOrder::getAccountId)
			.collect(Collectors.toSet())));
		if (htmx != null && "results".equals(target)) {
			return "sales/orders/list :: results";
		}
		if (account != null) {
			customers.findAccount(actor, new AccountId(account))
				.ifPresent(summary -> model.addAttribute("filterAccount", summary));
		}
		model.addAttribute("statuses", OrderStatus.values());
		return "sales/orders/list";
	}

	@GetMapping("/export.csv")
	void export(@RequestParam(required = false) UUID account, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String sort, @RequestParam MultiValueMap<String, String> params,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		Actor actor = currentActor.get();
		OwnerNames names = new OwnerNames(directory);
		CustomFieldQuery custom = customFields.query(OrderBook.ENTITY, params);
		var exported = custom.exportedColumns();
		ExportedAccounts accountCells = new ExportedAccounts(accounts);
		// one row per line, the order's columns repeated on each, so that the file comes back into the same orders
		CsvDownload.write(response, "orders.csv", CsvDownload.header(new String[] { "id", "external_id", "number",
				"account", "account_name", "opportunity_id", "order_date", "status", "currency", "total",
				"confirmed_at", "notes", "product", "product_name", "quantity", "unit_price", "line_amount", "owner",
				"owner_id", "owner_name", "team_id", "team_name", "created_at", "updated_at" },
				custom.exportedHeader()),
				rows -> orders.forEachWithLines(actor, new OrderFilter(account, status, from, to),
						SortParameter.parse(sort, OrderBook.sorts(custom)), custom, e -> {
							SalesOrder o = e.order();
							List<OrderBook.ExportedLine> lines = e.lines().isEmpty()
									? java.util.Collections.singletonList(null) : e.lines();
							for (OrderBook.ExportedLine l : lines) {
								rows.row(CsvDownload.values(new Object[] { o.getId(), o.getExternalId(),
										o.getNumber(), accountCells.reference(o.getAccountId()),
										accountCells.name(o.getAccountId()), o.getOpportunityId(), o.getOrderDate(),
										o.getStatus(), o.getCurrency(), o.getTotal().amount(), o.getConfirmedAt(),
										o.getNotes(), l == null ? null : product(l), l == null || l.product() == null
												? null : l.product().getName(),
										l == null ? null : l.line().getQuantity(),
										l == null ? null : l.line().getUnitPrice(),
										l == null ? null : new Money(l.line().amount(), o.getCurrency()).amount(),
										names.login(o.getOwnerId()), o.getOwnerId(), names.user(o.getOwnerId()),
										o.getTeamId(), names.team(o.getTeamId()), o.getCreatedAt(), o.getUpdatedAt() },
										CustomFieldQuery.exportValues(o.getCustomFields(), exported)));
							}
						}));
	}

	/** The line's product as an import finds it again: by its SKU, or by its id. */
	private static Object product(OrderBook.ExportedLine line) {
		return line.product() == null ? line.line().getProductId() : line.product().getSku();
	}

	@GetMapping("/new")
	String newOrder(@RequestParam(required = false) UUID account, Model model) {
		model.addAttribute("input", OrderInput.forAccount(account, LocalDate.now(clock)));
		return form(model, account, customFields.blank(OrderBook.ENTITY));
	}

	@PostMapping
	String create(@Valid @ModelAttribute("input") OrderInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		SalesCustomFields.Submitted custom = customFields.submitted(OrderBook.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				SalesOrder order = orders.create(actor, input.toDetails(), custom.values());
				redirect.addFlashAttribute("success", "flash.order.created");
				return "redirect:/orders/" + order.getId();
			}
			catch (InvalidField invalid) {
				form = SalesCustomFields.reject(errors, form, invalid);
			}
		}
		return form(model, input.accountId(), form);
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		SalesOrder order = orders.get(currentActor.get(), id);
		model.addAttribute("order", order);
		model.addAttribute("moves", MOVES.entrySet().stream()
			.filter(move -> order.getStatus().canMoveTo(move.getValue()))
			.map(java.util.Map.Entry::getKey)
			.toList());
		model.addAttribute("products", orders.productsOf(List.of(order)));
		model.addAttribute("accountNames", accountNames(Set.of(order.getAccountId())));
		return "sales/orders/show";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable UUID id, Model model) {
		Actor actor = currentActor.get();
		SalesOrder order = orders.get(actor, id);
		if (order.getStatus() != OrderStatus.DRAFT) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "Only a draft order may change");
		}
		model.addAttribute("order", order);
		model.addAttribute("input", OrderInput.of(order));
		return form(model, order.getAccountId(), customFields.of(OrderBook.ENTITY, order, actor));
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("input") OrderInput input, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		SalesOrder order = orders.get(actor, id);
		model.addAttribute("order", order);
		SalesCustomFields.Submitted custom = customFields.submitted(OrderBook.ENTITY, params, actor);
		CustomFieldForm form = custom.form();
		if (!errors.hasErrors() && !custom.hasErrors()) {
			try {
				orders.update(actor, id, input.version() == null ? -1 : input.version(), input.toDetails(),
						custom.values());
				redirect.addFlashAttribute("success", "flash.order.updated");
				return "redirect:/orders/" + id;
			}
			catch (InvalidField invalid) {
				form = SalesCustomFields.reject(errors, form, invalid);
			}
			catch (OptimisticLockingFailureException stale) {
				errors.reject("form.stale");
			}
		}
		return form(model, order.getAccountId(), form);
	}

	@PostMapping("/{id}/{move:confirm|fulfil|cancel}")
	String move(@PathVariable UUID id, @PathVariable String move, @RequestParam long version,
			RedirectAttributes redirect) {
		Actor actor = currentActor.get();
		try {
			switch (move) {
				case "confirm" -> orders.confirm(actor, id, version);
				case "fulfil" -> orders.fulfil(actor, id, version);
				default -> orders.cancel(actor, id, version);
			}
			redirect.addFlashAttribute("success", "flash.order." + move);
		}
		catch (OptimisticLockingFailureException stale) {
			redirect.addFlashAttribute("failure", "order.move.stale");
		}
		catch (InvalidField invalid) {
			redirect.addFlashAttribute("failure", invalid.messageKey());
		}
		catch (RuleBroken refused) {
			redirect.addFlashAttribute("failure", "order.move.refused");
		}
		return "redirect:/orders/" + id;
	}

	private String form(Model model, UUID account, CustomFieldForm cf) {
		model.addAttribute("cf", cf);
		model.addAttribute("products", catalogue.offered());
		if (account != null) {
			customers.findAccount(currentActor.get(), new AccountId(account))
				.ifPresent(summary -> model.addAttribute("chosenAccount", summary));
		}
		return "sales/orders/form";
	}

	private java.util.Map<UUID, String> accountNames(Set<UUID> ids) {
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		customers.accountNames(ids.stream().map(AccountId::new).collect(Collectors.toSet()))
			.forEach((id, name) -> names.put(id.value(), name));
		return names;
	}
}
