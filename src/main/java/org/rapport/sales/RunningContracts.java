package org.rapport.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.rapport.customers.AccountId;

/**
 * The contracts that run now, for the models that value customers: whose they are, when they run and what they are
 * worth, read in batches. It answers for no user, as {@link Purchases} does not.
 */
public interface RunningContracts {

	/** Hands every running (active) contract in the currency to the consumer, those that end first first. */
	void forEach(String currency, Consumer<RunningContract> each);

	/** A running contract: its account, its term and its value over the whole term. */
	record RunningContract(AccountId account, LocalDate start, LocalDate end, BigDecimal value) {
	}
}
