package org.rapport.sales.contracts.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The stored values of a contract as a bulk import reads and writes them; {@code version} is the one a write expects
 * to find. A new contract has no number until it is stored; {@code status} is the name of its status.
 */
public record ContractValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, UUID accountId,
		String number, LocalDate startDate, LocalDate endDate, BigDecimal value, String currency, String status,
		boolean autoRenew, int renewalNoticeDays, String description, String serviceLevel,
		Map<String, Object> customFields) {

	/** The longest renewal notice a contract takes, in days, on its form, in the API and in imports. */
	public static final int MAX_RENEWAL_NOTICE_DAYS = 3650;

}
