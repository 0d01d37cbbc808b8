package org.rapport.sales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.Statements;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.catalogue.internal.ProductCatalogue;
import org.rapport.sales.catalogue.internal.ProductDetails;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
@Import(CommerceFixtures.class)
class CommerceListStatementsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	OrderBook orders;

	@Autowired
	ContractBook contracts;

	@Autowired
	ProductCatalogue catalogue;

	@Test
	void theOrderAndContractListsIssueTheSameNumberOfQueriesWhateverThePageSize() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		Actor actor = data.actor(seller);
		Product product = fixtures.product("5", "EUR");
		LocalDate today = LocalDate.now();
		for (int i = 0; i < 12; i++) {
			AccountId account = fixtures.account(actor, "Counted");
			orders.create(actor, new OrderDetails(account.value(), today, null, null,
					List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null),
							new OrderDetails.LineDetails(product.getId(), BigDecimal.TEN, null))));
			// Drafts starting tomorrow: nothing is announced, so no listener adds statements while the lists count.
			contracts.create(actor, new ContractDetails(account.value(), null, today.plusDays(1), today.plusDays(30 + i),
					BigDecimal.TEN, "EUR", false, 5, null));
		}
		String category = TestData.unique("Counted");
		for (int i = 0; i < 12; i++) {
			catalogue.create(data.actor(data.user(null, Role.ADMIN)), new ProductDetails(TestData.unique("SKU"),
					TestData.unique("Counted"), null, Money.of("1", "EUR"), category, true));
		}
		// Both page sizes leave more rows to follow, so both lists count their matches.
		for (String list : new String[] { "/orders", "/contracts", "/products?category=" + category }) {
			// once before counting: the custom field definitions the list reads are cached for a while, and a
			// reload is no statement per row
			statementsFor(seller, list, 3);
			long small = statementsFor(seller, list, 3);
			long large = statementsFor(seller, list, 10);
			assertThat(small).as(list).isEqualTo(large).isLessThanOrEqualTo(8);
		}
	}

	private long statementsFor(User viewer, String list, int size) throws Exception {
		return Statements.preparedBy(() -> mvc
			.perform(get(list + (list.contains("?") ? "&" : "?") + "size=" + size).with(data.as(viewer)))
			.andExpect(status().isOk()));
	}
}
