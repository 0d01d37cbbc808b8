package org.rapport.activities;

import java.time.Instant;
import java.util.function.ObjLongConsumer;
import org.rapport.customers.AccountId;

/**
 * How many activities each account had in a window, for the models that learn from customers. It answers for no
 * user: a job that reads it keeps what it computes to the users who may see each account.
 */
public interface ActivityCounts {

	/**
	 * Hands each account that had activities occurring between {@code from} (included) and {@code to} (excluded) to
	 * the consumer with their number, in one grouped query; accounts without any are left out.
	 */
	void forEachAccount(Instant from, Instant to, ObjLongConsumer<AccountId> each);
}
