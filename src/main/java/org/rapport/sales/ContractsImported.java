package org.rapport.sales;

import java.util.List;
import java.util.UUID;
import org.rapport.search.RecordsWrittenInBulk;

/**
 * A batch of contracts an import created, updated or (undoing it) removed, published once per batch instead of once
 * per contract.
 */
public record ContractsImported(List<ContractId> created, List<ContractId> updated, List<ContractId> removed)
		implements RecordsWrittenInBulk {

	public ContractsImported(List<ContractId> created, List<ContractId> updated) {
		this(created, updated, List.of());
	}

	@Override
	public String searchKind() {
		return ContractId.TYPE;
	}

	@Override
	public List<UUID> writtenIds() {
		return RecordsWrittenInBulk.idsOf(created, updated, ContractId::value);
	}

	@Override
	public List<UUID> removedIds() {
		return RecordsWrittenInBulk.idsOf(removed, ContractId::value);
	}
}
