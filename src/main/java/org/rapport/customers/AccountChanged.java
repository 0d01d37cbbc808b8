package org.rapport.customers;

import org.rapport.identity.UserId;

public record AccountChanged(AccountId account, String name, UserId owner, LifecycleStage stage) {
}
