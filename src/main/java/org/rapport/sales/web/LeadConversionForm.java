package org.rapport.sales.web;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.rapport.sales.internal.Lead;
import org.rapport.sales.internal.LeadConversion;

/**
 * The conversion page's choice: a new account named {@code accountName}, or ({@code into=existing}) the account
 * {@code accountId}.
 */
record LeadConversionForm(String into, UUID accountId, @Size(max = 200) String accountName, Long version) {

	static LeadConversionForm of(Lead lead) {
		return new LeadConversionForm("new", null,
				lead.getCompany() != null ? lead.getCompany() : lead.getFullName(), lead.getVersion());
	}

	public boolean intoExisting() {
		return "existing".equals(into);
	}

	LeadConversion toConversion() {
		return intoExisting() ? new LeadConversion(accountId, null)
				: new LeadConversion(null, LeadChecks.blankToNull(accountName));
	}
}
