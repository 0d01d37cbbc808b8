package org.rapport.sales;

/**
 * A contract now promises another service level ({@code null} for none), such as Gold instead of Standard; the cases
 * under it may be held to another SLA policy.
 */
public record ContractServiceLevelChanged(ContractId contract, String from, String to) {
}
