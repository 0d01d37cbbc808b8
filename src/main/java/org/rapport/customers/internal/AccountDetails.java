package org.rapport.customers.internal;

import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.shared.PostalAddress;

/**
 * The descriptive fields of an account, as a form or an API request gives them; {@code externalId}, the id another
 * system gives it, stays as it is when null and is taken away when empty.
 */
public record AccountDetails(String name, AccountType type, Industry industry, String website, String phone,
		String email, PostalAddress billingAddress, LifecycleStage lifecycleStage, AccountSource source,
		String description, String externalId) {

	/** The fields of a form that leaves the external id as it is. */
	public AccountDetails(String name, AccountType type, Industry industry, String website, String phone,
			String email, PostalAddress billingAddress, LifecycleStage lifecycleStage, AccountSource source,
			String description) {
		this(name, type, industry, website, phone, email, billingAddress, lifecycleStage, source, description, null);
	}
}
