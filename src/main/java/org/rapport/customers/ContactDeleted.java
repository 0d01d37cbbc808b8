package org.rapport.customers;

/**
 * A contact was deleted; {@code account} is the account it was at, if any.
 */
public record ContactDeleted(ContactId contact, AccountId account) {
}
