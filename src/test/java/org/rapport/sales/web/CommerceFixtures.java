package org.rapport.sales.web;

import java.util.UUID;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.internal.OpportunityDraft;
import org.rapport.sales.internal.OpportunityService;
import org.rapport.sales.internal.Product;
import org.rapport.sales.internal.ProductCatalogue;
import org.rapport.sales.internal.ProductDetails;
import org.rapport.shared.Money;
import org.springframework.boot.test.context.TestComponent;

/**
 * Accounts and products for the order, contract and panel tests, each with names of its own.
 */
@TestComponent
class CommerceFixtures {

	private final TestData data;
	private final Customers customers;
	private final ProductCatalogue catalogue;
	private final OpportunityService opportunities;

	CommerceFixtures(TestData data, Customers customers, ProductCatalogue catalogue,
			OpportunityService opportunities) {
		this.data = data;
		this.customers = customers;
		this.catalogue = catalogue;
		this.opportunities = opportunities;
	}

	/** An open opportunity of the account, owned by the actor. */
	UUID opportunity(Actor owner, AccountId account) {
		return opportunities.create(owner, new OpportunityDraft(account.value(), TestData.unique("Deal"), null, null,
				Money.of("100", "EUR"), java.time.LocalDate.now().plusMonths(1), null, null, null, null, null,
				java.util.List.of())).getId();
	}

	AccountId account(Actor owner, String name) {
		return customers.openAccount(owner, new NewAccount(TestData.unique(name), AccountType.COMPANY, null, null,
				null, null, null));
	}

	Product product(String price, String currency) {
		Actor admin = data.actor(data.user(null, Role.ADMIN));
		return catalogue.create(admin, new ProductDetails(TestData.unique("SKU"), TestData.unique("Product"), null,
				Money.of(price, currency), "Test", true));
	}

	static String orderJson(AccountId account, UUID product, String quantity, String unitPrice) {
		return """
				{"accountId": "%s", "orderDate": "2026-03-01", "lines": [{"productId": "%s", "quantity": %s, "unitPrice": %s}]}
				""".formatted(account, product, quantity, unitPrice == null ? "null" : unitPrice);
	}
}
