package org.rapport.analytics.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.web.CommerceFixtures;

/** Accounts that buy in two patterns a segmentation tells apart: frequent big spenders and rare small buyers. */
final class BuyingPatterns {

	private BuyingPatterns() {
	}

	/**
	 * Accounts that bought the product often and lately: the first {@code orders} times in the last days, each next
	 * one more often, in larger quantities.
	 */
	static List<AccountId> frequentBigSpenders(CommerceFixtures fixtures, Actor seller, String name, int accounts,
			int orders, Product product) {
		LocalDate today = LocalDate.now();
		List<AccountId> made = new ArrayList<>();
		for (int a = 0; a < accounts; a++) {
			AccountId account = fixtures.account(seller, name);
			for (int order = 0; order < orders + a; order++) {
				fixtures.confirmedOrder(seller, account, today.minusDays(2 + order * 9L + a), product, 1 + a % 3);
			}
			made.add(account);
		}
		return made;
	}

	/** Accounts that bought the product once, more than a year ago. */
	static List<AccountId> rareSmallBuyers(CommerceFixtures fixtures, Actor seller, String name, int accounts,
			Product product) {
		LocalDate today = LocalDate.now();
		List<AccountId> made = new ArrayList<>();
		for (int a = 0; a < accounts; a++) {
			AccountId account = fixtures.account(seller, name);
			fixtures.confirmedOrder(seller, account, today.minusDays(450 + a * 23L), product, 1 + a % 2);
			made.add(account);
		}
		return made;
	}
}
