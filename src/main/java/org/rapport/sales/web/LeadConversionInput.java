package org.rapport.sales.web;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.rapport.sales.internal.LeadConversion;

/**
 * How the conversion form and the API ask for a lead to be converted: into the existing account {@code accountId},
 * or into a new account named {@code accountName} (by default the lead's company).
 */
record LeadConversionInput(UUID accountId, @Size(max = 200) String accountName, Long version) {

	LeadConversion toConversion() {
		return new LeadConversion(accountId, LeadChecks.blankToNull(accountName));
	}
}
