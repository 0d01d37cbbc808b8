package org.rapport.sales;

import java.time.LocalDate;
import java.util.Map;
import org.rapport.customers.AccountId;
import org.rapport.identity.UserId;
import org.rapport.shared.Money;

/**
 * An opportunity another part of the product opens, such as a converted lead's; without a pipeline it goes to
 * the default pipeline's first stage, without an owner to the actor. Custom field values are those the record it
 * comes from carries over (see {@code CustomFields.carried}); defaults fill the rest, and required fields are not
 * enforced on a record that Rapport makes.
 */
public record NewOpportunity(AccountId account, String name, PipelineId pipeline, Money amount, LocalDate closeDate,
		UserId owner, Map<String, Object> customFields) {

	public NewOpportunity {
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
	}

	public NewOpportunity(AccountId account, String name, PipelineId pipeline, Money amount, LocalDate closeDate,
			UserId owner) {
		this(account, name, pipeline, amount, closeDate, owner, Map.of());
	}
}
