package org.rapport.customers;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;

/**
 * The facts of every account that the models which learn from customers read, in batches: whose it is, its lifecycle
 * stage, since when it exists and its custom field values. It answers for no user: the models learn from all
 * accounts, and what they find is shown to each user only for the accounts that user may see.
 */
public interface AccountFacts {

	/** Hands every account to the consumer, in the order of their ids, a batch read at a time. */
	void forEach(Consumer<AccountFact> each);

	/** The facts of the given accounts, in one query; unknown ones left out. */
	Map<AccountId, AccountFact> of(Collection<AccountId> accounts);

	/**
	 * The accounts that moved to the stage between {@code from} (included) and {@code to} (excluded), with the time of
	 * their latest such move, handed to the consumer in the order of their ids.
	 */
	void forEachMoveTo(LifecycleStage stage, Instant from, Instant to, Consumer<StageMove> each);

	/**
	 * The accounts whose lifecycle stage changed at or after {@code at}, with the stage they held then (the stage their
	 * first change since left), handed to the consumer in the order of their ids; the others still hold the stage they
	 * held then.
	 */
	void forEachStageChangedSince(Instant at, Consumer<EarlierStage> each);

	/** An account as the models see it. */
	record AccountFact(AccountId id, UserId owner, TeamId team, LifecycleStage stage, Instant createdAt,
			Map<String, Object> customFields) {
	}

	/** The latest move of an account to a stage within a window. */
	record StageMove(AccountId account, Instant at) {
	}

	/** The stage an account held at some earlier time. */
	record EarlierStage(AccountId account, LifecycleStage stage) {
	}
}
