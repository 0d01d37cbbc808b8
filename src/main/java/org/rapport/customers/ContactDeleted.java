package org.rapport.customers;

public record ContactDeleted(ContactId contact, AccountId account) {
}
