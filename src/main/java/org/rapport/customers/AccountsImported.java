package org.rapport.customers;

import java.util.List;

/** A batch of accounts an import created and updated, published once per batch instead of once per account. */
public record AccountsImported(List<AccountId> created, List<AccountId> updated) {
}
