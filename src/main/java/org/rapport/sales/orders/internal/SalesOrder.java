package org.rapport.sales.orders.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.hibernate.Hibernate;
import org.hibernate.annotations.BatchSize;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.rapport.customers.AccountId;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OrderId;
import org.rapport.sales.OrderPlaced;
import org.rapport.sales.ProductId;
import org.rapport.shared.BusinessRecord;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.RuleBroken;
import org.rapport.shared.ExternalIds;

/**
 * A purchase of an account: lines of products in one currency, whose sum is the total. Lines change only while
 * the order is a draft; confirming it is the purchase and registers {@link OrderPlaced}.
 */
@Entity
@Table(name = "sales_order")
@Indexed(index = "order")
public class SalesOrder extends BusinessRecord<SalesOrder> {

	@Column(nullable = false, updatable = false)
	@FullTextField(name = "name", analyzer = "name", searchAnalyzer = "name_query", projectable = Projectable.YES)
	@FullTextField(name = "name_prefix", analyzer = "name_prefix", searchAnalyzer = "name_query")
	@FullTextField(name = "name_grams", analyzer = "name_grams", norms = Norms.NO)
	@KeywordField(name = "number", normalizer = "lowercase", projectable = Projectable.YES)
	private String number;

	@Column(name = "account_id", nullable = false)
	@KeywordField(name = "accountId", projectable = Projectable.YES, searchable = Searchable.NO)
	private UUID accountId;

	@Column(name = "opportunity_id", updatable = false)
	private UUID opportunityId;

	@Column(name = "order_date", nullable = false)
	private LocalDate orderDate;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OrderStatus status;

	@Column(nullable = false)
	private BigDecimal total;

	@Column(nullable = false)
	private String currency;

	private String notes;

	@Column(name = "confirmed_at")
	private Instant confirmedAt;

	/** The id another system gives the order; set by imports, unique where set. */
	private String externalId;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
	@BatchSize(size = 50)
	@JoinColumn(name = "order_id", nullable = false)
	@OrderBy("position")
	private List<OrderLine> lines = new ArrayList<>();

	protected SalesOrder() {
	}

	private SalesOrder(String number, AccountId account, OpportunityId opportunity, LocalDate orderDate,
			String currency, String notes, List<Line> lines, UserId owner, TeamId team) {
		super(owner.value(), team == null ? null : team.value());
		this.number = number;
		this.accountId = account.value();
		this.opportunityId = opportunity == null ? null : opportunity.value();
		this.status = OrderStatus.DRAFT;
		this.currency = Money.zero(currency).currency();
		describe(orderDate, notes, lines);
	}

	/** A new order being put together. */
	static SalesOrder draft(String number, AccountId account, LocalDate orderDate, String currency, String notes,
			List<Line> lines, UserId owner, TeamId team) {
		return new SalesOrder(number, account, null, orderDate, currency, notes, lines, owner, team);
	}

	/** Takes the id another system gives the order, as {@link ExternalIds#changed} keeps it. */
	void identify(String givenExternalId) {
		this.externalId = ExternalIds.changed(externalId, givenExternalId);
	}

	/** The confirmed order of a won opportunity's lines. */
	static SalesOrder ofWonOpportunity(String number, AccountId account, OpportunityId opportunity,
			LocalDate orderDate, String currency, List<Line> lines, UserId owner, TeamId team, Instant now) {
		SalesOrder order = new SalesOrder(number, account, opportunity, orderDate, currency, null, lines, owner, team);
		order.confirm(now);
		return order;
	}

	/** Takes a new date, notes and lines; only a draft may change them. */
	void revise(LocalDate orderDate, String notes, List<Line> lines) {
		if (status != OrderStatus.DRAFT) {
			throw new RuleBroken("order.notDraft", "Only a draft order may change; this one is " + status,
					String.valueOf(status));
		}
		describe(orderDate, notes, lines);
	}

	private void describe(LocalDate orderDate, String notes, List<Line> newLines) {
		this.orderDate = orderDate;
		this.notes = notes;
		this.lines.clear();
		int position = 0;
		for (Line line : newLines) {
			if (!line.unitPrice().currency().equals(currency)) {
				throw new IllegalArgumentException(
						"A line priced in " + line.unitPrice().currency() + " cannot join an order in " + currency);
			}
			if (line.quantity().signum() <= 0) {
				throw new IllegalArgumentException("A line needs a positive quantity");
			}
			if (line.unitPrice().isNegative()) {
				throw new IllegalArgumentException("A price cannot be negative");
			}
			OrderLine added = new OrderLine(position++, line.product(), line.quantity(), line.unitPrice().amount());
			requirePlausible(added.amount(), "lines[" + added.getPosition() + "].quantity");
			this.lines.add(added);
		}
		this.total = totalOf(this.lines.stream().map(OrderLine::amount).toList(), currency).amount();
		requirePlausible(this.total, "lines");
	}

	/**
	 * Refuses a line amount or total that passes {@link Money#LIMIT}, at the given field; forms, the API and
	 * imports check it here alike.
	 */
	static void requirePlausible(BigDecimal amount, String field) {
		if (!Money.isPlausible(amount)) {
			throw new InvalidField(field, "validation.order.amount",
					"Quantity times price must stay below " + Money.LIMIT_TEXT);
		}
	}

	/** The sum of the line amounts, rounded once to the currency. */
	public static Money totalOf(List<BigDecimal> lineAmounts, String currency) {
		return new Money(lineAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add), currency);
	}

	/** The account bought: a draft with lines becomes confirmed. */
	void confirm(Instant now) {
		if (lines.isEmpty()) {
			throw new InvalidField("lines", "validation.order.lines.required",
					"An order needs a line before it is confirmed");
		}
		moveTo(OrderStatus.CONFIRMED);
		this.confirmedAt = now;
		registerEvent(new OrderPlaced(id(), number, account(), orderDate, getTotal(), opportunity()));
	}

	/** The products were delivered. */
	void fulfil() {
		moveTo(OrderStatus.FULFILLED);
	}

	/** The order is called off, before or after it was confirmed but not once fulfilled. */
	void cancel() {
		moveTo(OrderStatus.CANCELLED);
	}

	/**
	 * Takes the order to the status by the act that leads there (confirming, fulfilling or cancelling it), as its
	 * page's buttons do one at a time; the status decides which moves it allows.
	 */
	void moveTo(OrderStatus next, Instant now) {
		switch (next) {
			case CONFIRMED -> confirm(now);
			case FULFILLED -> fulfil();
			case CANCELLED -> cancel();
			case DRAFT -> moveTo(next);
		}
	}

	private void moveTo(OrderStatus next) {
		if (!status.canMoveTo(next)) {
			throw new RuleBroken("order.cannotBecome", "An order that is " + status + " cannot become " + next,
					String.valueOf(status), String.valueOf(next));
		}
		this.status = next;
	}

	public OrderId id() {
		return new OrderId(getId());
	}

	public AccountId account() {
		return new AccountId(accountId);
	}

	public OpportunityId opportunity() {
		return opportunityId == null ? null : new OpportunityId(opportunityId);
	}

	public String getNumber() {
		return number;
	}

	public UUID getAccountId() {
		return accountId;
	}

	public UUID getOpportunityId() {
		return opportunityId;
	}

	public LocalDate getOrderDate() {
		return orderDate;
	}

	public OrderStatus getStatus() {
		return status;
	}

	public Money getTotal() {
		return new Money(total, currency);
	}

	public String getCurrency() {
		return currency;
	}

	public String getNotes() {
		return notes;
	}

	public Instant getConfirmedAt() {
		return confirmedAt;
	}

	public String getExternalId() {
		return externalId;
	}

	/** Loads the lines while the session is open, so that the order can be shown after it closes. */
	SalesOrder withLines() {
		Hibernate.initialize(lines);
		return this;
	}

	public List<OrderLine> getLines() {
		return Collections.unmodifiableList(lines);
	}

	/** A line as a form, an API request or a won opportunity gives it. */
	public record Line(ProductId product, BigDecimal quantity, Money unitPrice) {
	}

	/** What the global search calls this kind of record; it filters and counts by it. */
	@KeywordField(name = "kind", aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchKind() {
		return OrderId.TYPE;
	}
}
