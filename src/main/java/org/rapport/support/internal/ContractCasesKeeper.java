package org.rapport.support.internal;

import org.rapport.sales.ContractServiceLevelChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the open cases under a contract held to the policy that matches them: when the contract promises another
 * service level, in the transaction that changes it, as a changed case is re-held in its own.
 */
@Component
class ContractCasesKeeper {

	private final CaseBook cases;

	ContractCasesKeeper(CaseBook cases) {
		this.cases = cases;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(ContractServiceLevelChanged changed) {
		cases.contractServiceLevelChanged(changed.contract());
	}
}
