package org.rapport.customers;

import org.rapport.identity.UserId;

/**
 * A contact another module adds, such as a converted lead's person; the owner defaults to the actor.
 */
public record NewContact(AccountId account, String firstName, String lastName, String title, String email,
		String phone, UserId owner) {
}
