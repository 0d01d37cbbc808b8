package org.rapport.sales.orders.internal;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.rapport.sales.ProductId;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.Products;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.RecordNotFound;
import org.rapport.shared.ResultPage;
import org.rapport.shared.SortWhitelist;
import org.rapport.shared.ExternalIds;
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

	OrderBook(SalesOrders orders, Products products, Customers customers, EntityManager em,
			CustomFields customFields, Clock clock) {
		this.clock = clock;
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
		requireFreeExternalId(actor, details, null);
		SalesOrder order = SalesOrder.draft(nextNumber(), account, details.orderDate(), currency, details.notes(),
				lines(details, currency), actor.id(), actor.team());
		order.identify(details.externalId());
		order.changeCustomFields(customFields.merge(ENTITY, Map.of(), custom, true));
		return orders.saveAndFlush(order).withLines();
	}

	/** Refuses an external id that another order holds, as imports refuse it. */
	private void requireFreeExternalId(Actor actor, OrderDetails details, UUID self) {
		ExternalIds.requireFree(details.externalId(), self, orders::findByExternalId,
				other -> actor.canSee(new UserId(other.getOwnerId()), team(other.getTeamId())));
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
		if (details.accountId() != null && !details.accountId().equals(order.getAccountId())) {
			throw new InvalidField("accountId", "validation.order.account.fixed",
					"An order stays with the account it was made for");
		}
		if (details.currency() != null && !details.currency().isBlank()
				&& !details.currency().strip().equalsIgnoreCase(order.getCurrency())) {
			throw new InvalidField("currency", "validation.order.currency.fixed",
					"An order keeps the currency it was made in");
		}
		List<SalesOrder.Line> lines = lines(details, order.getCurrency());
		requireFreeExternalId(actor, details, id);
		order.revise(details.orderDate(), details.notes(), lines);
		order.identify(details.externalId());
		if (custom != null) {
			order.changeCustomFields(customFields.merge(ENTITY, order.getCustomFields(), custom, false));
		}
		return orders.saveAndFlush(order).withLines();
	}

	@Transactional
	public SalesOrder confirm(Actor actor, UUID id, long expectedVersion) {
		return move(actor, id, expectedVersion, order -> order.confirm(clock.instant()));
	}

	@Transactional
	public SalesOrder fulfil(Actor actor, UUID id, long expectedVersion) {
		return move(actor, id, expectedVersion, SalesOrder::fulfil);
	}

	@Transactional
	public SalesOrder cancel(Actor actor, UUID id, long expectedVersion) {
		return move(actor, id, expectedVersion, SalesOrder::cancel);
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

	private List<SalesOrder.Line> lines(OrderDetails details, String currency) {
		List<SalesOrder.Line> lines = new ArrayList<>();
		for (int i = 0; i < details.lines().size(); i++) {
			OrderDetails.LineDetails line = details.lines().get(i);
			String field = "lines[" + i + "]";
			Product product = line.productId() == null ? null : products.findById(line.productId()).orElse(null);
			if (product == null) {
				throw new InvalidField(field + ".productId", "validation.product.unknown", "No product with this id");
			}
			if (line.quantity() == null || line.quantity().signum() <= 0) {
				throw new InvalidField(field + ".quantity", "validation.quantity", "The quantity must be above zero");
			}
			Money price;
			if (line.unitPrice() == null) {
				if (!product.getUnitPrice().currency().equals(currency)) {
					throw new InvalidField(field + ".unitPrice", "validation.order.price.currency",
							"The product is priced in " + product.getUnitPrice().currency() + "; give a price in "
									+ currency);
				}
				price = product.getUnitPrice();
			}
			else {
				if (line.unitPrice().signum() < 0) {
					throw new InvalidField(field + ".unitPrice", "validation.price", "A price cannot be negative");
				}
				price = new Money(line.unitPrice(), currency);
			}
			lines.add(new SalesOrder.Line(new ProductId(product.getId()), line.quantity(), price));
		}
		return lines;
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
