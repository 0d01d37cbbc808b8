package org.rapport.customers;

import org.rapport.identity.UserId;

/**
 * An account was opened; accounts written in bulk by an import are announced by {@link AccountsImported} instead.
 */
public record AccountCreated(AccountId account, String name, UserId owner) {
}
