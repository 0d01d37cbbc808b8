package org.rapport.sales;

import java.time.LocalDate;
import org.rapport.customers.AccountId;
import org.rapport.identity.UserId;
import org.rapport.shared.Money;

/**
 * An opportunity another part of the product opens, such as a converted lead's; without a pipeline it goes to
 * the default pipeline's first stage, without an owner to the actor.
 */
public record NewOpportunity(AccountId account, String name, PipelineId pipeline, Money amount, LocalDate closeDate,
		UserId owner) {
}
