package org.rapport.customers;

/**
 * The account {@code merged} was merged into {@code survivor} and is about to be removed: whatever other modules
 * keep for it now belongs to the survivor. Published inside the merge's transaction, before the removal.
 */
public record AccountsMerged(AccountId survivor, AccountId merged) {
}
