package org.rapport.customers;

import org.rapport.identity.UserId;

public record AccountCreated(AccountId account, String name, UserId owner) {
}
