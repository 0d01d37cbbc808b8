package org.rapport.sales.web;

import java.time.LocalDate;
import java.util.UUID;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.opportunities.internal.OpportunityDraft;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.sales.opportunities.internal.OpportunityService;
import org.rapport.shared.Money;
import org.springframework.boot.test.context.TestComponent;

/**
 * Accounts and products for the order, contract and panel tests, each with names of its own.
 */
@TestComponent
public class CommerceFixtures {

	private final TestData data;
	private final Customers customers;
	private final ProductCatalogue catalogue;
	private final OpportunityService opportunities;
	private final OrderBook orders;

	CommerceFixtures(TestData data, Customers customers, ProductCatalogue catalogue,
			OpportunityService opportunities, OrderBook orders) {
		this.data = data;
		this.customers = customers;
		this.catalogue = catalogue;
		this.opportunities = opportunities;
		this.orders = orders;
	}

	/** A confirmed order of the account on the day: one line of the product, as many as given, at its price. */
	public void confirmedOrder(Actor seller, AccountId account, LocalDate day, Product product, int quantity) {
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), day, null, null,
				java.util.List.of(new OrderDetails.LineDetails(product.getId(), java.math.BigDecimal.valueOf(quantity),
						null))));
		orders.confirm(seller, order.getId(), order.getVersion());
	}

	/** An open opportunity of the account, owned by the actor. */
	public UUID opportunity(Actor owner, AccountId account) {
		return opportunities.create(owner, new OpportunityDraft(account.value(), TestData.unique("Deal"), null, null,
				Money.of("100", "EUR"), LocalDate.now().plusMonths(1), null, null, null, null, null,
				java.util.List.of())).getId();
	}

	public AccountId account(Actor owner, String name) {
		return customers.openAccount(owner, new NewAccount(TestData.unique(name), AccountType.COMPANY, null, null,
				null, null, null));
	}

	public Product product(String price, String currency) {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		return catalogue.create(admin, new ProductDetails(TestData.unique("SKU"), TestData.unique("Product"), null,
				Money.of(price, currency), "Test", true));
	}

	/** A confirmed order of the account on the day, one of each product, made by the seller. */
	public SalesOrder confirmedOrder(Actor seller, AccountId account, LocalDate day, Product... products) {
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), day, null, null,
				java.util.Arrays.stream(products)
					.map(product -> new OrderDetails.LineDetails(product.getId(), java.math.BigDecimal.ONE, null))
					.toList()));
		return orders.confirm(seller, order.getId(), order.getVersion());
	}

	public static String orderJson(AccountId account, UUID product, String quantity, String unitPrice) {
		return """
				{"accountId": "%s", "orderDate": "2026-03-01", "lines": [{"productId": "%s", "quantity": %s, "unitPrice": %s}]}
				""".formatted(account, product, quantity, unitPrice == null ? "null" : unitPrice);
	}

	public static String contractJson(AccountId account, LocalDate start, LocalDate end, String extra) {
		return """
				{"accountId": "%s", "startDate": "%s", "endDate": "%s", "value": 1200, "currency": "EUR",
				 "autoRenew": false, "renewalNoticeDays": 30%s}
				""".formatted(account, start, end, extra);
	}
}
