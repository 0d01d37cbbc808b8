package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.rapport.customers.AccountId;

/**
 * The accounts' purchases, for the models that learn from them (lifetime value, churn, recommendations): what was
 * bought, by whom and when, read in batches so that no table is held in memory. It answers for no user: a job that
 * reads it keeps what it computes to the users who may see each account.
 */
public interface Purchases {

	/**
	 * Hands every confirmed or fulfilled order in the currency to the consumer, by account and then by day; orders in
	 * other currencies are left out (see {@link #countInOtherCurrencies}).
	 */
	void forEachOrder(String currency, Consumer<Purchase> each);

	/** How many confirmed or fulfilled orders are in a currency other than this one. */
	long countInOtherCurrencies(String currency);

	/**
	 * Hands every product line of a confirmed or fulfilled order to the consumer, by account: which products each
	 * account bought, how many and on which day.
	 */
	void forEachLine(Consumer<PurchasedProduct> each);

	/** One order: its account, its day and its total. */
	record Purchase(AccountId account, LocalDate date, BigDecimal amount) {
	}

	/** One line of an order: the account, the product, the quantity and the order's day. */
	record PurchasedProduct(AccountId account, ProductId product, BigDecimal quantity, LocalDate date) {
	}
}
