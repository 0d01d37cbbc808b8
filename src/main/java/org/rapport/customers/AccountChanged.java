package org.rapport.customers;

import org.rapport.identity.UserId;

/**
 * An account's values or owner were changed; it names the stage the account holds after the change.
 */
public record AccountChanged(AccountId account, String name, UserId owner, LifecycleStage stage) {
}
