package org.rapport.sales.contracts.internal;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;
import org.rapport.identity.VisibleQuery;
import org.rapport.sales.ContractId;
import org.rapport.sales.ServiceContracts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contracts as customer service sees them: their service levels and an account's running ones. */
@Component
@Transactional(readOnly = true)
class ContractServiceView implements ServiceContracts {

	private final Contracts contracts;
	private final EntityManager em;

	ContractServiceView(Contracts contracts, EntityManager em) {
		this.contracts = contracts;
		this.em = em;
	}

	@Override
	public Optional<String> serviceLevel(ContractId contract) {
		return contract == null ? Optional.empty()
				: contracts.findById(contract.value()).map(Contract::getServiceLevel);
	}

	@Override
	public List<ServiceContract> running(Actor actor, AccountId account, int limit) {
		return new VisibleQuery("Contract", "c", actor).where("c.accountId = :account", "account", account.value())
			.where("c.status = :status", "status", ContractStatus.ACTIVE)
			.list(em, Contract.class, null, "c.endDate, c.id", limit)
			.stream()
			.map(c -> new ServiceContract(c.id(), c.getNumber(), c.getServiceLevel(), c.getStartDate(),
					c.getEndDate()))
			.toList();
	}
}
