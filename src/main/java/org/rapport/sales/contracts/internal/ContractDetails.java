package org.rapport.sales.contracts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A contract as a form or an API request gives it.
 */
public record ContractDetails(UUID accountId, UUID opportunityId, LocalDate startDate, LocalDate endDate,
		BigDecimal value, String currency, boolean autoRenew, int renewalNoticeDays, String description) {
}
