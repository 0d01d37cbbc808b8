package org.rapport.customers;

/**
 * Where a customer stands: not yet bought, recently bought, buying again, or gone.
 */
public enum LifecycleStage {
	PROSPECT, NEW, EXISTING, LOST
}
