package org.rapport.sales.contracts.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.rapport.sales.contracts.internal.Contract;
import org.rapport.sales.contracts.internal.ContractDetails;
import org.rapport.sales.contracts.internal.ContractValues;
import org.rapport.sales.web.Checks;
import org.rapport.shared.Amount;
import org.rapport.shared.CurrencyCode;
import org.rapport.shared.PlausibleDate;
import org.rapport.shared.ExternalIds;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A contract as the form and the API take it; {@code opportunityId} names the won opportunity it came from.
 */
record ContractInput(
		@Schema(description = "The id another system gives the contract, unique among contracts. Left out, it stays "
				+ "as it is; empty, it is taken away.")
		@Size(max = ExternalIds.MAX_LENGTH) String externalId,
		UUID accountId,
		@Schema(description = "The account by its external id, instead of accountId (or naming the same account)")
		@Size(max = ExternalIds.MAX_LENGTH) String accountExternalId,
		UUID opportunityId,
		@NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
		@NotNull @PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
		@NotNull @Amount @Digits(integer = 13, fraction = 4) BigDecimal value,
		@NotNull @Pattern(regexp = "^[A-Za-z]{3}$", message = "{validation.currency}") @CurrencyCode String currency,
		Boolean autoRenew,
		@Min(0) @Max(ContractValues.MAX_RENEWAL_NOTICE_DAYS) Integer renewalNoticeDays,
		@Size(max = 4000) String description,
		@Schema(description = "The service level the contract promises, such as Gold or Standard, which SLA policies "
				+ "of support cases may match; trimmed, none when blank")
		@Size(max = Contract.MAX_SERVICE_LEVEL) String serviceLevel,
		Map<String, Object> customFields,
		Long version) {

	static final int DEFAULT_NOTICE_DAYS = 30;

	/** A new contract of the account, for a year from today, in the currency given. */
	static ContractInput forAccount(UUID account, UUID opportunity, LocalDate today, String currency) {
		return new ContractInput(null, account, null, opportunity, today, today.plusYears(1).minusDays(1), null, currency,
				false, DEFAULT_NOTICE_DAYS, null, null, null, null);
	}

	static ContractInput of(Contract c) {
		return new ContractInput(null, c.getAccountId(), null, c.getOpportunityId(), c.getStartDate(), c.getEndDate(),
				c.getValue().amount(), c.getValue().currency(), c.isAutoRenew(), c.getRenewalNoticeDays(),
				c.getDescription(), c.getServiceLevel(), null, c.getVersion());
	}

	ContractDetails toDetails() {
		return toDetails(accountId);
	}

	/** The contract's fields with the account given, which the body names by id or external id. */
	ContractDetails toDetails(UUID account) {
		return new ContractDetails(account, opportunityId, startDate, endDate, value, currency,
				autoRenew != null && autoRenew, renewalNoticeDays == null ? DEFAULT_NOTICE_DAYS : renewalNoticeDays,
				Checks.blankToNull(description), externalId, serviceLevel);
	}
}
