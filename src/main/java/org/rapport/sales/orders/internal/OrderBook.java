package org.rapport.sales.orders.internal;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.CustomFields;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OrderId;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.Products;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists, opens, creates and moves orders, always within what the acting user may see.
 */
@Service
@Transactional(readOnly = true)
public class OrderBook {

	/** The name of orders among the kinds of record that take custom fields. */
	public static final String ENTITY = "order";

	private final SalesOrders orders;
	private final Products products;
	private final Customers customers;
	private final EntityManager em;
	private final CustomFields customFields;
	private final Clock clock;
	private final OrderRevision revision;

	OrderBook(SalesOrders orders, Products products, Customers customers, EntityManager em,
			CustomFields customFields, Clock clock, OrderRevision revision) {
		this.clock = clock;
		this.revision = revision;
		this.orders = orders;
		this.products = products;
		this.customers = customers;
		this.em = em;
		this.customFields = customFields;
	}

	/**
	 * The orders the order list offers: by order date (newest first unless asked otherwise), ending in the id, or
	 * by number, which is unique; an index starts with each.
	 */
	public static final SortWhitelist SORTS = SortWhitelist
		.defaultingTo("orderDate", Sort.Direction.DESC, "o.orderDate", "o.id")
		.with("number", "o.number");

	/** The orders of the list with these custom fields. */
	public static SortWhitelist sorts(CustomFieldQuery custom) {
		return custom.sortable(SORTS, "o");
	}

	public ResultPage<SalesOrder> list(Actor actor, OrderFilter filter, Sort sort, int page, int size) {
		return list(actor, filter, sort, CustomFieldQuery.none(), page, size);
	}

	/** A page of the visible orders that match the filter and the custom-field filters, with their lines. */
	public ResultPage<SalesOrder> list(Actor actor, OrderFilter filter, Sort sort, CustomFieldQuery custom,
			int page, int size) {
		ResultPage<SalesOrder> result = custom.applyTo(query(actor, filter), "o")
			.page(em, SalesOrder.class, null, sorts(custom).orderBy(sort), page, size);
		if (!result.items().isEmpty()) {
			// One query for the lines of the whole page, so that the API can show them without a query per order.
			em.createQuery("select distinct o from SalesOrder o left join fetch o.lines where o.id in :ids",
					SalesOrder.class)
				.setParameter("ids", result.items().stream().map(SalesOrder::getId).toList())
				.getResultList();
		}
		return result;
	}

	/** Hands every visible order that matches to the action, in list order, for an export (without its lines). */
	@Transactional(readOnly = true)
	public void forEach(Actor actor, OrderFilter filter, Sort sort, CustomFieldQuery custom,
			java.util.function.Consumer<SalesOrder> action) {
		custom.applyTo(query(actor, filter), "o")
			.forEach(em, SalesOrder.class, null, sorts(custom).orderBy(sort), action);
	}

	/** An order with its lines, each with its product, as an export writes them. */
	public record Exported(SalesOrder order, List<ExportedLine> lines) {
	}

	/** A line of an exported order and its product. */
	public record ExportedLine(OrderLine line, Product product) {
	}

	/**
	 * Hands every visible order that matches to the action, in list order, with its lines and their products: those of
	 * a chunk of orders read in one query each, so that an export reads a few queries per thousand orders.
	 */
	@Transactional(readOnly = true)
	public void forEachWithLines(Actor actor, OrderFilter filter, Sort sort, CustomFieldQuery custom,
			java.util.function.Consumer<Exported> action) {
		List<SalesOrder> chunk = new java.util.ArrayList<>(EXPORT_CHUNK);
		Map<UUID, Product> known = new java.util.HashMap<>();
		forEach(actor, filter, sort, custom, order -> {
			chunk.add(order);
			if (chunk.size() == EXPORT_CHUNK) {
				export(chunk, known, action);
			}
		});
		export(chunk, known, action);
	}

	private static final int EXPORT_CHUNK = 500;

	private void export(List<SalesOrder> chunk, Map<UUID, Product> known, java.util.function.Consumer<Exported> action) {
		if (chunk.isEmpty()) {
			return;
		}
		Map<UUID, List<OrderLine>> lines = new java.util.HashMap<>();
		em.createQuery("select o.id, l from SalesOrder o join o.lines l where o.id in :ids order by l.position",
				Object[].class)
			.setParameter("ids", chunk.stream().map(SalesOrder::getId).toList())
			.getResultList()
			.forEach(row -> lines.computeIfAbsent((UUID) row[0], id -> new java.util.ArrayList<>())
				.add((OrderLine) row[1]));
		var missing = lines.values().stream().flatMap(List::stream).map(OrderLine::getProductId)
			.filter(id -> !known.containsKey(id)).collect(Collectors.toSet());
		if (!missing.isEmpty()) {
			products.findAllById(missing).forEach(p -> known.put(p.getId(), p));
		}
		for (SalesOrder order : chunk) {
			action.accept(new Exported(order, lines.getOrDefault(order.getId(), List.of()).stream()
				.map(line -> new ExportedLine(line, known.get(line.getProductId())))
				.toList()));
		}
		lines.values().forEach(list -> list.forEach(em::detach));
		chunk.clear();
	}

	private static VisibleQuery query(Actor actor, OrderFilter filter) {
		return new VisibleQuery("SalesOrder", "o", actor)
			.where("o.accountId = :account", "account", filter.account())
			.where("o.status = :status", "status", filter.status())
			.where("o.orderDate >= :from", "from", filter.from())
			.where("o.orderDate <= :to", "to", filter.to());
	}

	/** The order, if it exists and the actor may see it; otherwise it is not found. */
	public SalesOrder get(Actor actor, UUID id) {
		return orders.findById(id)
			.filter(order -> actor.canSee(new UserId(order.getOwnerId()), team(order.getTeamId())))
			.map(SalesOrder::withLines)
			.orElseThrow(() -> new RecordNotFound("order.notFound", "No order " + id, id));
	}

	/** Names of the products on the given orders, in one query. */
	public Map<UUID, Product> productsOf(List<SalesOrder> shown) {
		var ids = shown.stream().flatMap(o -> o.getLines().stream()).map(OrderLine::getProductId)
			.collect(Collectors.toSet());
		return products.findAllById(ids).stream().collect(Collectors.toMap(Product::getId, p -> p));
	}

	@Transactional
	public SalesOrder create(Actor actor, OrderDetails details) {
		return create(actor, details, null);
	}

	/** Drafts an order with custom field values, which their definitions check (defaults fill the rest). */
	@Transactional
	public SalesOrder create(Actor actor, OrderDetails details, Map<String, ?> custom) {
		AccountId account = visibleAccount(actor, details.accountId());
		requireProducts(details);
		String currency = currencyOf(details);
		revision.requireFreeExternalId(actor, details.externalId(), null);
		SalesOrder order = SalesOrder.draft(nextNumber(), account, details.orderDate(), currency, details.notes(),
				revision.lines(details, currency), actor.id(), actor.team());
		order.identify(details.externalId());
		order.changeCustomFields(customFields.merge(ENTITY, Map.of(), custom, true));
		return orders.saveAndFlush(order).withLines();
	}

	@Transactional
	public SalesOrder update(Actor actor, UUID id, long expectedVersion, OrderDetails details) {
		return update(actor, id, expectedVersion, details, null);
	}

	/** Changes a draft order; custom field values not given ({@code null} for none) stay as they are. */
	@Transactional
	public SalesOrder update(Actor actor, UUID id, long expectedVersion, OrderDetails details,
			Map<String, ?> custom) {
		SalesOrder order = current(actor, id, expectedVersion);
		revision.revise(actor, order, details);
		if (custom != null) {
			order.changeCustomFields(customFields.merge(ENTITY, order.getCustomFields(), custom, false));
		}
		return orders.saveAndFlush(order).withLines();
	}

	@Transactional
	public SalesOrder confirm(Actor actor, UUID id, long expectedVersion) {
		return move(actor, id, expectedVersion, order -> order.moveTo(OrderStatus.CONFIRMED, clock.instant()));
	}

	@Transactional
	public SalesOrder fulfil(Actor actor, UUID id, long expectedVersion) {
		return move(actor, id, expectedVersion, order -> order.moveTo(OrderStatus.FULFILLED, clock.instant()));
	}

	@Transactional
	public SalesOrder cancel(Actor actor, UUID id, long expectedVersion) {
		return move(actor, id, expectedVersion, order -> order.moveTo(OrderStatus.CANCELLED, clock.instant()));
	}

	/**
	 * Makes the confirmed order of a won opportunity's lines, once: a second call for the same opportunity
	 * answers the order made the first time. Opportunities without lines make no order.
	 */
	@Transactional
	public java.util.Optional<SalesOrder> orderWonOpportunity(OpportunityId opportunity, AccountId account,
			LocalDate closeDate, UserId owner, TeamId team, List<SalesOrder.Line> lines) {
		var existing = orders.findByOpportunityId(opportunity.value());
		if (existing.isPresent() || lines.isEmpty()) {
			return existing;
		}
		String currency = lines.get(0).unitPrice().currency();
		// dated the day the deal closed, and never later than the day it was won, which is today at the latest
		LocalDate today = LocalDate.now(clock);
		LocalDate orderDate = closeDate == null || closeDate.isAfter(today) ? today : closeDate;
		SalesOrder order = SalesOrder.ofWonOpportunity(nextNumber(), account, opportunity, orderDate, currency, lines,
				owner, team, clock.instant());
		order.changeCustomFields(customFields.merge(ENTITY, Map.of(), null, true));
		return java.util.Optional.of(orders.saveAndFlush(order));
	}

	/** The order made from a won opportunity, if any. */
	public java.util.Optional<SalesOrder> orderOf(OpportunityId opportunity) {
		return orders.findByOpportunityId(opportunity.value());
	}

	/**
	 * The latest orders of an account that the actor may see, newest first, with how many there are: the visibility
	 * rule is part of the query, so that hidden orders neither shorten the page nor count.
	 */
	public ResultPage<SalesOrder> ordersOf(Actor actor, AccountId account, int limit) {
		return query(actor, new OrderFilter(account.value(), null, null, null))
			.page(em, SalesOrder.class, null, "o.orderDate desc, o.id desc", 0, limit);
	}

	/**
	 * What an account has bought to date, per currency: its confirmed and fulfilled orders dated today or before, as
	 * the customer lifecycle counts them; an order dated ahead counts from its day.
	 */
	public List<Money> revenueOf(AccountId account) {
		return orders.revenueOf(account.value(), LocalDate.now(clock))
			.stream()
			.map(row -> new Money((BigDecimal) row[1], (String) row[0]))
			.toList();
	}

	private SalesOrder move(Actor actor, UUID id, long expectedVersion, java.util.function.Consumer<SalesOrder> act) {
		SalesOrder order = current(actor, id, expectedVersion);
		act.accept(order);
		return orders.saveAndFlush(order).withLines();
	}

	private SalesOrder current(Actor actor, UUID id, long expectedVersion) {
		SalesOrder order = get(actor, id);
		if (order.getVersion() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(SalesOrder.class, id);
		}
		return order;
	}

	private AccountId visibleAccount(Actor actor, UUID accountId) {
		if (accountId == null) {
			throw new InvalidField("accountId", "validation.account.unknown", "An order needs an account");
		}
		return customers.findAccount(actor, new AccountId(accountId))
			.orElseThrow(() -> new InvalidField("accountId", "validation.account.unknown",
					"No account you can see with this id"))
			.id();
	}

	private void requireProducts(OrderDetails details) {
		for (int i = 0; i < details.lines().size(); i++) {
			UUID product = details.lines().get(i).productId();
			if (product == null || !products.existsById(product)) {
				throw new InvalidField("lines[" + i + "].productId", "validation.product.unknown",
						"No product with this id");
			}
		}
	}

	/** The order's currency: as given, else that of its first product. */
	private String currencyOf(OrderDetails details) {
		if (details.currency() != null && !details.currency().isBlank()) {
			if (!Money.isCurrency(details.currency())) {
				throw new InvalidField("currency", "validation.currency", "Not an ISO 4217 currency code");
			}
			return details.currency().strip().toUpperCase(Locale.ROOT);
		}
		return details.lines().stream()
			.findFirst()
			.flatMap(line -> line.productId() == null ? java.util.Optional.empty() : products.findById(line.productId()))
			.map(product -> product.getUnitPrice().currency())
			.orElseThrow(() -> new InvalidField("currency", "validation.order.currency",
					"Name the currency or add a line"));
	}

	/** The next order number, such as ORD-000123, from a sequence that H2 and PostgreSQL both keep. */
	private String nextNumber() {
		Number next = (Number) em.createNativeQuery(NEXT_NUMBER).getSingleResult();
		return number(next.longValue());
	}

	/** Draws the next order number; bulk writers draw theirs from the same sequence. */
	public static final String NUMBER_SEQUENCE = "sales_order_number_seq";

	static final String NEXT_NUMBER = "select nextval('" + NUMBER_SEQUENCE + "')";

	/** The number of the order that drew this value of the sequence. */
	public static String number(long next) {
		return "ORD-%06d".formatted(next);
	}

	private static TeamId team(UUID team) {
		return team == null ? null : new TeamId(team);
	}
}
