package org.rapport.customers.internal;

import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.shared.PostalAddress;

/**
 * The stored values of an account as a bulk import reads and writes them; {@code version} is the one a write
 * expects to find; {@code customFields} holds the custom field values by key, checked by their definitions.
 */
public record AccountValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, String name,
		AccountType type, Industry industry, String website, String phone, String email, PostalAddress billingAddress,
		LifecycleStage lifecycleStage, AccountSource source, String description, Map<String, Object> customFields) {
}
