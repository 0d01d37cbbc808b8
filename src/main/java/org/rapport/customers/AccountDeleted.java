package org.rapport.customers;

public record AccountDeleted(AccountId account, boolean contactsDeleted) {
}
