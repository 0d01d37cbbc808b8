package org.rapport.sales.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.sales.Purchases.Purchase;
import org.rapport.sales.Purchases.PurchasedProduct;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The purchases that the analytics models learn from: confirmed and fulfilled orders of the currency asked for, by
 * account and day, their lines with them, read page by page without missing or repeating one.
 */
@RapportTest
@Import(CommerceFixtures.class)
class OrderPurchasesIntegrationTests {

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	OrderBook orders;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void boughtOrdersComeByAccountAndDayPageAfterPage() {
		Actor seller = data.actor(data.user(data.team(), Role.SALES));
		AccountId first = fixtures.account(seller, "Purchases");
		AccountId second = fixtures.account(seller, "Purchases");
		Product tea = fixtures.product("10", "EUR");
		Product coffee = fixtures.product("4", "EUR");
		LocalDate day = LocalDate.of(2025, 3, 1);
		order(seller, first, day.plusDays(5), tea, "2", "CONFIRM");
		order(seller, first, day, coffee, "1", "FULFIL");
		order(seller, first, day, tea, "1", "DRAFT");
		order(seller, first, day.plusDays(9), tea, "1", "CANCEL");
		order(seller, second, day.plusDays(1), coffee, "3", "CONFIRM");
		SalesOrder dollars = orders.create(seller, new OrderDetails(second.value(), day, "USD", null,
				List.of(new OrderDetails.LineDetails(tea.getId(), BigDecimal.ONE, new BigDecimal("12"))), null));
		orders.confirm(seller, dollars.getId(), dollars.getVersion());
		Set<AccountId> ours = Set.of(first, second);

		for (int pageSize : new int[] { 1, 2, 10_000 }) {
			OrderPurchases purchases = new OrderPurchases(jdbc, pageSize);
			List<Purchase> bought = new ArrayList<>();
			purchases.forEachOrder("EUR", purchase -> {
				if (ours.contains(purchase.account())) {
					bought.add(purchase);
				}
			});
			// by account (in the database's order of their ids), and by day within each
			assertThat(bought).extracting(Purchase::account).containsOnly(first, second);
			assertThat(bought.stream().map(Purchase::account).distinct().count()).isEqualTo(2);
			int firstAt = bought.get(0).account().equals(first) ? 0 : 1;
			List<Purchase> ofFirst = firstAt == 0 ? bought.subList(0, 2) : bought.subList(1, 3);
			assertThat(ofFirst).extracting(Purchase::account, Purchase::date, p -> p.amount().doubleValue())
				.containsExactly(tuple(first, day, 4.0), tuple(first, day.plusDays(5), 20.0));
			assertThat(bought.get(firstAt == 0 ? 2 : 0)).extracting(Purchase::account, Purchase::date)
				.isEqualTo(List.of(second, day.plusDays(1)));

			List<PurchasedProduct> lines = new ArrayList<>();
			purchases.forEachLine(line -> {
				if (ours.contains(line.account())) {
					lines.add(line);
				}
			});
			assertThat(lines).as("page size " + pageSize).hasSize(4);
			assertThat(lines).filteredOn(line -> line.account().equals(second))
				.extracting(line -> line.product().value())
				.containsExactlyInAnyOrder(coffee.getId(), tea.getId());
		}
		assertThat(new OrderPurchases(jdbc).countInOtherCurrencies("EUR")).isPositive();
	}

	private void order(Actor seller, AccountId account, LocalDate day, Product product, String quantity, String move) {
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), day, null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), new BigDecimal(quantity), null)), null));
		switch (move) {
			case "CONFIRM" -> orders.confirm(seller, order.getId(), order.getVersion());
			case "FULFIL" -> {
				SalesOrder confirmed = orders.confirm(seller, order.getId(), order.getVersion());
				orders.fulfil(seller, confirmed.getId(), confirmed.getVersion());
			}
			case "CANCEL" -> orders.cancel(seller, order.getId(), order.getVersion());
			default -> {
			}
		}
	}
}
