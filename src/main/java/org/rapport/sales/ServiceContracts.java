package org.rapport.sales;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rapport.customers.AccountId;
import org.rapport.identity.Actor;

/**
 * What customer service may know of contracts: the service level a contract promises, by which SLA policies match
 * cases, and the running contracts of an account that a case may be about.
 */
public interface ServiceContracts {

	/** The service level the contract promises (such as Gold), whoever may see it; empty for none or no contract. */
	Optional<String> serviceLevel(ContractId contract);

	/** The running (active) contracts of the account that the actor may see, those that end first first. */
	List<ServiceContract> running(Actor actor, AccountId account, int limit);

	/** A contract as a case names it: its number, service level and term. */
	record ServiceContract(ContractId id, String number, String serviceLevel, LocalDate start, LocalDate end) {
	}
}
