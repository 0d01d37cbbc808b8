package org.rapport.sales.contracts.internal;

/**
 * Where a contract stands: agreed but not yet running, running, run out, ended early, or followed by its renewal.
 */
public enum ContractStatus {
	DRAFT, ACTIVE, EXPIRED, TERMINATED, RENEWED;

	/** Whether the contract is over and no longer changes. */
	public boolean isClosed() {
		return this == TERMINATED || this == RENEWED;
	}
}
