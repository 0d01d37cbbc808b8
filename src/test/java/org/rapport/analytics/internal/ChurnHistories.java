package org.rapport.analytics.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.customers.LifecycleStage;
import org.rapport.identity.Actor;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.orders.internal.OrderBook;
import org.rapport.sales.orders.internal.OrderDetails;
import org.rapport.sales.orders.internal.SalesOrder;
import org.rapport.sales.web.CommerceFixtures;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Accounts with the order histories that the churn model learns from: steady buyers, and buyers that faded and then
 * became lost. Orders are entered newest first, so that the lifecycle that follows each order never finds a gap of a
 * year and moves the account to Lost before its later orders are in.
 */
@TestComponent
public class ChurnHistories {

	private final CommerceFixtures fixtures;
	private final OrderBook orders;
	private final Customers customers;

	ChurnHistories(CommerceFixtures fixtures, OrderBook orders, Customers customers) {
		this.fixtures = fixtures;
		this.orders = orders;
		this.customers = customers;
	}

	/** An account that buys every {@code every} days, the latest {@code latestAgo} days ago, for two years. */
	public AccountId steady(Actor seller, Product product, String name, int latestAgo, int every) {
		AccountId account = fixtures.account(seller, name);
		for (int ago = latestAgo; ago < 700; ago += every) {
			order(seller, account, today().minusDays(ago), product, 2);
		}
		return account;
	}

	/**
	 * An account that bought from two years before {@code until}, ever less often, the last time {@code lastAgo} days
	 * before {@code until}; orders after today are left out.
	 */
	public AccountId fading(Actor seller, Product product, String name, LocalDate until, int lastAgo) {
		AccountId account = fixtures.account(seller, name);
		List<LocalDate> days = new ArrayList<>();
		double gap = 20;
		for (double ago = 720; ago > lastAgo; ago -= gap, gap *= 1.35) {
			LocalDate day = until.minusDays((long) ago);
			if (!day.isAfter(today())) {
				days.add(day);
			}
		}
		order(seller, account, until.minusDays(lastAgo), product, 1);
		for (int d = days.size() - 1; d >= 0; d--) {
			order(seller, account, days.get(d), product, 2);
		}
		return account;
	}

	/** A fading account that stopped {@code lastAgo} days ago and became lost {@code lostAgo} days ago. */
	public AccountId lost(Actor seller, Product product, String name, int lastAgo, int lostAgo) {
		AccountId account = fading(seller, product, name, today(), lastAgo);
		for (int attempt = 1;; attempt++) {
			try {
				customers.moveLifecycle(account, LifecycleStage.LOST, "No purchase for long",
						today().minusDays(lostAgo).atStartOfDay(ZoneOffset.UTC).toInstant());
				return account;
			}
			catch (OptimisticLockingFailureException raced) {
				// the lifecycle that follows the orders changed the account meanwhile
				if (attempt == 5) {
					throw raced;
				}
			}
		}
	}

	public static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	private void order(Actor seller, AccountId account, LocalDate day, Product product, int quantity) {
		SalesOrder order = orders.create(seller, new OrderDetails(account.value(), day, null, null,
				List.of(new OrderDetails.LineDetails(product.getId(), BigDecimal.valueOf(quantity), null))));
		orders.confirm(seller, order.getId(), order.getVersion());
	}
}
