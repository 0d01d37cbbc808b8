package org.rapport.customers;

/**
 * A contact that may be the same person as a record another module is about to enter.
 */
public record ContactMatch(ContactId id, AccountId account, String accountName, String fullName, String email) {
}
