package org.rapport.customers.internal;

import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.shared.PostalAddress;

/**
 * The descriptive fields of an account, as a form or an API request gives them.
 */
public record AccountDetails(String name, AccountType type, Industry industry, String website, String phone,
		String email, PostalAddress billingAddress, LifecycleStage lifecycleStage, AccountSource source,
		String description) {
}
