package org.rapport.customers;

import org.rapport.identity.UserId;

/**
 * A contact's values, account or owner were changed.
 */
public record ContactChanged(ContactId contact, AccountId account, UserId owner) {
}
