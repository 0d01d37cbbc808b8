package org.rapport.sales.contracts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A contract as a form or an API request gives it; {@code externalId}, the id another system gives it, stays as it is
 * when null and is taken away when empty.
 */
public record ContractDetails(UUID accountId, UUID opportunityId, LocalDate startDate, LocalDate endDate,
		BigDecimal value, String currency, boolean autoRenew, int renewalNoticeDays, String description,
		String externalId) {

	/** The fields of a form that leaves the external id as it is. */
	public ContractDetails(UUID accountId, UUID opportunityId, LocalDate startDate, LocalDate endDate,
			BigDecimal value, String currency, boolean autoRenew, int renewalNoticeDays, String description) {
		this(accountId, opportunityId, startDate, endDate, value, currency, autoRenew, renewalNoticeDays, description,
				null);
	}
}
