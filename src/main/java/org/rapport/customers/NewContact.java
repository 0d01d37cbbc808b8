package org.rapport.customers;

import java.util.Map;
import org.rapport.identity.UserId;

/**
 * A contact another module adds, such as a converted lead's person; the owner defaults to the actor. Custom field
 * values are those the record it comes from carries over (see {@code CustomFields.carried}); defaults fill the rest,
 * and required fields are not enforced on a record that Rapport makes.
 */
public record NewContact(AccountId account, String firstName, String lastName, String title, String email,
		String phone, UserId owner, Map<String, Object> customFields) {

	public NewContact {
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
	}

	public NewContact(AccountId account, String firstName, String lastName, String title, String email, String phone,
			UserId owner) {
		this(account, firstName, lastName, title, email, phone, owner, Map.of());
	}
}
