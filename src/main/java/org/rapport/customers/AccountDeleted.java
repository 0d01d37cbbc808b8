package org.rapport.customers;

/**
 * An account was deleted; {@code contactsDeleted} when its contacts went with it rather than staying without an
 * account.
 */
public record AccountDeleted(AccountId account, boolean contactsDeleted) {
}
