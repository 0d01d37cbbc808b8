package org.rapport.sales.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractBook;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
@Import(CommerceFixtures.class)
class AccountPanelsIntegrationTests {

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
	JdbcTemplate jdbc;

	User seller;
	Actor actor;
	AccountId account;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		actor = data.actor(seller);
		account = fixtures.account(actor, "Panels");
	}

	@Test
	void theAccountPageLoadsTheSalesAndLifecyclePanels() throws Exception {
		mvc.perform(get("/accounts/" + account).with(data.as(seller)))
			.andExpect(content().string(containsString("/sales/accounts/" + account + "/orders")))
			.andExpect(content().string(containsString("/sales/accounts/" + account + "/contracts")))
			.andExpect(content().string(containsString("/accounts/" + account + "/lifecycle")));
	}

	@Test
	void theOrdersPanelShowsTheOrdersAndTheRevenueToDateOfConfirmedOnes() throws Exception {
		Product product = fixtures.product("40", "EUR");
		SalesOrder bought = order(product, "3");
		orders.confirm(actor, bought.getId(), bought.getVersion());
		order(product, "100");

		mvc.perform(get("/sales/accounts/" + account + "/orders").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(bought.getNumber())))
			.andExpect(content().string(containsString("€120.00")));
	}

	@Test
	void theContractsPanelShowsTheValueOfRunningContracts() throws Exception {
		LocalDate today = LocalDate.now();
		contracts.create(actor, new ContractDetails(account.value(), null, today.minusDays(5), today.plusDays(100),
				new BigDecimal("999.5"), "USD", false, 30, null));
		contracts.create(actor, new ContractDetails(account.value(), null, today.plusDays(200), today.plusDays(300),
				new BigDecimal("50"), "USD", false, 30, null));
		mvc.perform(get("/sales/accounts/" + account + "/contracts").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("$999.50")))
			.andExpect(content().string(containsString("CTR-")));
	}

	@Test
	void thePanelsShowTheVisibleOrdersAndContractsThoughNewerOnesOfAnotherTeamOutnumberThePage() throws Exception {
		Product product = fixtures.product("10", "EUR");
		LocalDate today = LocalDate.now();
		SalesOrder ownOrder = orders.create(actor, new OrderDetails(account.value(), today.minusYears(1), null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.ONE, null))));
		Contract ownContract = contracts.create(actor, new ContractDetails(account.value(), null, today.minusYears(2),
				today.minusYears(1), BigDecimal.TEN, "EUR", false, 30, null));
		User other = data.user(data.team(), Role.SALES);
		for (int i = 0; i < AccountPanels.SHOWN + 2; i++) {
			UUID order = order(product, "1").getId();
			UUID contract = contracts.create(actor, new ContractDetails(account.value(), null, today,
					today.plusDays(30 + i), BigDecimal.TEN, "EUR", false, 30, null)).getId();
			// records of the other team on the same account, newer than the seller's own
			jdbc.update("update sales_order set owner_id = ?, team_id = ? where id = ?", other.getId(),
					other.getTeamId(), order);
			jdbc.update("update contract set owner_id = ?, team_id = ? where id = ?", other.getId(),
					other.getTeamId(), contract);
		}

		mvc.perform(get("/sales/accounts/" + account + "/orders").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ownOrder.getNumber())));
		mvc.perform(get("/sales/accounts/" + account + "/contracts").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(ownContract.getNumber())));
	}

	@Test
	void panelsOfAnAccountOfAnotherTeamAnswer404() throws Exception {
		User stranger = data.user(data.team(), Role.SALES);
		mvc.perform(get("/sales/accounts/" + account + "/orders").with(data.as(stranger)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/accounts/" + account + "/lifecycle").with(data.as(stranger)))
			.andExpect(status().isNotFound());
	}

	@Test
	void markingAnAccountLostRecordsTheReasonInTheLifecyclePanel() throws Exception {
		mvc.perform(post("/accounts/" + account + "/lifecycle/lost").param("reason", "Went to a competitor")
			.with(data.as(seller)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/accounts/" + account + "/lifecycle").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Went to a competitor")))
			.andExpect(content().string(containsString(seller.getDisplayName())));
		mvc.perform(get("/accounts/" + account).with(data.as(seller)))
			.andExpect(content().string(containsString("stage-LOST")));
	}

	private SalesOrder order(Product product, String quantity) {
		return orders.create(actor, new OrderDetails(account.value(), LocalDate.now(), null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), new BigDecimal(quantity), null))));
	}
}
