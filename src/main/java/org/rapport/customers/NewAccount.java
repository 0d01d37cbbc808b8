package org.rapport.customers;

import java.util.Map;
import org.rapport.identity.UserId;

/**
 * An account another module opens, such as a converted lead's company; the owner defaults to the actor. Custom field
 * values are those the record it comes from carries over (see {@code CustomFields.carried}); defaults fill the rest,
 * and required fields are not enforced on a record that Rapport makes.
 */
public record NewAccount(String name, AccountType type, String website, String phone, String email,
		AccountSource source, UserId owner, Map<String, Object> customFields) {

	public NewAccount {
		customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
	}

	public NewAccount(String name, AccountType type, String website, String phone, String email, AccountSource source,
			UserId owner) {
		this(name, type, website, phone, email, source, owner, Map.of());
	}
}
