package org.rapport.analytics.internal.recommend;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One piece of implicit feedback: a user (an account) bought or used an item (a product), on a day if it is known.
 * How many units were bought is left out on purpose: the models read only whether a user has the item, so that one
 * bulk order does not outweigh the breadth of what a customer buys.
 */
public record Interaction<U, I>(U user, I item, LocalDate date) {

	public Interaction {
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(item, "item");
	}

	/** An interaction without a date. */
	public static <U, I> Interaction<U, I> of(U user, I item) {
		return new Interaction<>(user, item, null);
	}
}
