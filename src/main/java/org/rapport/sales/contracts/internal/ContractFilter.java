package org.rapport.sales.contracts.internal;

import java.util.UUID;

/**
 * What a contract list is narrowed to; every part is optional. {@code endingWithin} keeps the contracts that end
 * in the next so many days (running ones, unless a status is named).
 */
public record ContractFilter(UUID account, ContractStatus status, Integer endingWithin) {

	public static final ContractFilter NONE = new ContractFilter(null, null, null);
}
