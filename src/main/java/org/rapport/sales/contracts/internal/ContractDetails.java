package org.rapport.sales.contracts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A contract as a form or an API request gives it; {@code externalId}, the id another system gives it, stays as it is
 * when null and is taken away when empty; {@code serviceLevel}, such as Gold, is none when blank.
 */
public record ContractDetails(UUID accountId, UUID opportunityId, LocalDate startDate, LocalDate endDate,
		BigDecimal value, String currency, boolean autoRenew, int renewalNoticeDays, String description,
		String externalId, String serviceLevel) {

	/** The fields without a service level. */
	public ContractDetails(UUID accountId, UUID opportunityId, LocalDate startDate, LocalDate endDate,
			BigDecimal value, String currency, boolean autoRenew, int renewalNoticeDays, String description,
			String externalId) {
		this(accountId, opportunityId, startDate, endDate, value, currency, autoRenew, renewalNoticeDays, description,
				externalId, null);
	}

	/** The fields of a form that leaves the external id as it is, without a service level. */
	public ContractDetails(UUID accountId, UUID opportunityId, LocalDate startDate, LocalDate endDate,
			BigDecimal value, String currency, boolean autoRenew, int renewalNoticeDays, String description) {
		this(accountId, opportunityId, startDate, endDate, value, currency, autoRenew, renewalNoticeDays, description,
				null, null);
	}
}
