package org.rapport.sales.internal;

import org.rapport.customers.AccountId;
import org.rapport.sales.ContractId;
import org.rapport.sales.LeadId;
import org.rapport.sales.OpportunityId;
import org.rapport.sales.OrderId;
import org.rapport.sales.ProductId;
import org.rapport.search.SearchField;
import org.rapport.search.SearchableKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the global search finds of selling, as the indexed fields of the entities have it: leads by name, company,
 * e-mail and phone; opportunities by name, under their account; products by name and SKU, visible to everybody as the
 * catalogue is; orders and contracts by their numbers, under their account.
 */
@Configuration(proxyBeanMethods = false)
class SearchableSales {

	@Bean
	SearchableKind searchableLeads() {
		return SearchableKind.of(LeadId.TYPE, "Lead")
			.label("nav.leads")
			.page("/leads/")
			.icon("funnel")
			.order(30)
			.fields(SearchField.title("name"), SearchField.words("company"), SearchField.email("email"),
					SearchField.phone("phone"))
			.subtitle("company", "email", "phone")
			.build();
	}

	@Bean
	SearchableKind searchableOpportunities() {
		return SearchableKind.of(OpportunityId.TYPE, "Opportunity")
			.label("nav.opportunities")
			.page("/opportunities/")
			.icon("trophy")
			.order(40)
			.fields(SearchField.title("name"), SearchField.reference("accountId", AccountId.TYPE))
			.subtitle("accountId")
			.build();
	}

	@Bean
	SearchableKind searchableProducts() {
		return SearchableKind.of(ProductId.TYPE, "Product")
			.label("nav.products")
			.page("/products/")
			.icon("box-seam")
			.order(50)
			.fields(SearchField.title("name"), SearchField.number("number"))
			.subtitle("number")
			.visibleToEverybody()
			.build();
	}

	@Bean
	SearchableKind searchableOrders() {
		return SearchableKind.of(OrderId.TYPE, "SalesOrder")
			.label("nav.orders")
			.page("/orders/")
			.icon("receipt")
			.order(60)
			.fields(SearchField.title("name"), SearchField.number("number"),
					SearchField.reference("accountId", AccountId.TYPE))
			.subtitle("accountId")
			.build();
	}

	@Bean
	SearchableKind searchableContracts() {
		return SearchableKind.of(ContractId.TYPE, "Contract")
			.label("nav.contracts")
			.page("/contracts/")
			.icon("file-earmark-text")
			.order(70)
			.fields(SearchField.title("name"), SearchField.number("number"),
					SearchField.reference("accountId", AccountId.TYPE))
			.subtitle("accountId")
			.build();
	}
}
