package org.rapport.support.internal;

import org.rapport.sales.LeadConverted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a lead's cases with what the lead became: converting it moves its cases to the new account and contact. A
 * plain listener in the conversion's transaction, as the merges' are, so that a lead is never converted while its
 * cases stay behind.
 */
@Component
class LeadCasesKeeper {

	private final CaseBook cases;

	LeadCasesKeeper(CaseBook cases) {
		this.cases = cases;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LeadConverted converted) {
		cases.leadConverted(converted.lead(), converted.account(), converted.contact());
	}
}
