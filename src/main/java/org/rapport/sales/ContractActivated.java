package org.rapport.sales;

import java.time.LocalDate;
import org.rapport.customers.AccountId;
import org.rapport.shared.Money;

/**
 * A contract began to run: its period started, by the calendar or as it was made.
 */
public record ContractActivated(ContractId contract, AccountId account, LocalDate startDate, LocalDate endDate,
		Money value) {
}
