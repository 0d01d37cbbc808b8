package org.rapport.customers;

import org.rapport.identity.UserId;

/**
 * A contact was added, at an account or at none ({@code account} is then {@code null}).
 */
public record ContactCreated(ContactId contact, AccountId account, UserId owner) {
}
