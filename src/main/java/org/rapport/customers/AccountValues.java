package org.rapport.customers;

import java.util.UUID;
import org.rapport.shared.PostalAddress;

/**
 * The stored values of an account as a bulk import reads and writes them; {@code version} is the one a write
 * expects to find.
 */
public record AccountValues(UUID id, long version, UUID ownerId, UUID teamId, String externalId, String name,
		AccountType type, Industry industry, String website, String phone, String email, PostalAddress billingAddress,
		LifecycleStage lifecycleStage, AccountSource source, String description) {
}
