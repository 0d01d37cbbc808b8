package org.rapport.sales.leads.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.rapport.sales.leads.internal.LeadConversion;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.web.Checks;
import org.rapport.shared.Amount;
import org.rapport.shared.CurrencyCode;
import org.rapport.shared.InvalidField;
import org.rapport.shared.Money;
import org.rapport.shared.PlausibleDate;

/**
 * How the API asks for a lead to be converted: into the existing account {@code accountId}, or into a new account
 * named {@code accountName} (by default the lead's company); with {@code opportunity}, one is opened too.
 */
record LeadConversionInput(UUID accountId, @Size(max = 200) String accountName, @Valid OpportunityPart opportunity,
		Long version) {

	/** The opportunity to open on the account. */
	record OpportunityPart(
			@NotBlank @Size(max = 200) String name,
			@NotNull @Amount BigDecimal amount,
			@NotBlank @Pattern(regexp = "^[A-Za-z]{3}$", message = "{validation.lead.currency}") @CurrencyCode String currency,
			@NotNull @PlausibleDate LocalDate closeDate) {

		LeadConversion.Opportunity toOpportunity() {
			if (!Money.isCurrency(currency)) {
				throw new InvalidField("opportunity.currency", "validation.lead.currency", "Not an ISO 4217 currency");
			}
			return new LeadConversion.Opportunity(name, new Money(amount, currency), closeDate);
		}
	}

	LeadConversion toConversion() {
		return new LeadConversion(accountId, Checks.blankToNull(accountName),
				opportunity == null ? null : opportunity.toOpportunity());
	}
}
