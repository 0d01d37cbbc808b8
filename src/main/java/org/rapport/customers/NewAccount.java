package org.rapport.customers;

import org.rapport.identity.UserId;

/**
 * An account another module opens, such as a converted lead's company; the owner defaults to the actor.
 */
public record NewAccount(String name, AccountType type, String website, String phone, String email,
		AccountSource source, UserId owner) {
}
