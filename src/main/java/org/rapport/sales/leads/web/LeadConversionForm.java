package org.rapport.sales.leads.web;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadConversion;
import org.rapport.sales.opportunities.internal.Opportunity;
import org.rapport.sales.web.Checks;
import org.rapport.shared.Amount;
import org.rapport.shared.Money;
import org.rapport.shared.PlausibleDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The conversion page's choice: a new account named {@code accountName}, or ({@code into=existing}) the account
 * {@code accountId}; and, with {@code withOpportunity}, an opportunity to open on it.
 */
record LeadConversionForm(String into, UUID accountId, @Size(max = 200) String accountName,
		Boolean withOpportunity, @Size(max = 200) String opportunityName,
		@Amount BigDecimal opportunityAmount, String opportunityCurrency,
		@PlausibleDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opportunityCloseDate, Long version) {

	static LeadConversionForm of(Lead lead) {
		return new LeadConversionForm("new", null,
				lead.getCompany() != null ? lead.getCompany() : lead.getFullName(), false, null, null, null, null,
				lead.getVersion());
	}

	LeadConversionForm {
		withOpportunity = Boolean.TRUE.equals(withOpportunity);
	}

	public boolean intoExisting() {
		return "existing".equals(into);
	}

	/** Checks what the annotations cannot: an account when joining one, the opportunity's fields when wanted. */
	void check(Errors errors) {
		if (intoExisting() && accountId == null) {
			errors.rejectValue("accountId", "validation.lead.account");
		}
		if (withOpportunity) {
			if (opportunityName == null || opportunityName.isBlank()) {
				errors.rejectValue("opportunityName", "validation.lead.opportunityName");
			}
			if (opportunityAmount == null) {
				errors.rejectValue("opportunityAmount", "validation.lead.amount");
			}
			if (!Money.isCurrency(opportunityCurrency)) {
				errors.rejectValue("opportunityCurrency", "validation.lead.currency");
			}
			if (opportunityCloseDate == null) {
				errors.rejectValue("opportunityCloseDate", "validation.lead.closeDate");
			}
		}
	}

	LeadConversion toConversion() {
		LeadConversion.Opportunity opportunity = withOpportunity ? new LeadConversion.Opportunity(opportunityName,
				new Money(opportunityAmount, opportunityCurrency), opportunityCloseDate) : null;
		return intoExisting() ? new LeadConversion(accountId, null, opportunity)
				: new LeadConversion(null, Checks.blankToNull(accountName), opportunity);
	}
}
