package org.rapport.customers;

import org.rapport.identity.UserId;

public record ContactCreated(ContactId contact, AccountId account, UserId owner) {
}
