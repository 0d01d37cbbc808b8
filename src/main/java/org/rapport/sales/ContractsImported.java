package org.rapport.sales;

import java.util.List;

/**
 * A batch of contracts an import created, updated or (undoing it) removed, published once per batch instead of once
 * per contract.
 */
public record ContractsImported(List<ContractId> created, List<ContractId> updated, List<ContractId> removed) {

	public ContractsImported(List<ContractId> created, List<ContractId> updated) {
		this(created, updated, List.of());
	}
}
