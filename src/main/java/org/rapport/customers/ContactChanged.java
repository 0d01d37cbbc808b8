package org.rapport.customers;

import org.rapport.identity.UserId;

public record ContactChanged(ContactId contact, AccountId account, UserId owner) {
}
