package org.rapport.customers.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;

/**
 * An account as the API shows it.
 */
record AccountResource(UUID id, long version, String externalId, String name, AccountType type, Industry industry, String website,
		String phone, String email, AddressInput billingAddress, UUID ownerId, UUID teamId,
		LifecycleStage lifecycleStage, AccountSource source, String description, Map<String, Object> customFields,
		UUID createdBy, Instant createdAt, UUID updatedBy, Instant updatedAt) {

	static AccountResource of(Account a) {
		return new AccountResource(a.getId(), a.getVersion(), a.getExternalId(), a.getName(), a.getType(), a.getIndustry(),
				a.getWebsite(), a.getPhone(), a.getEmail(), AddressInput.of(a.getBillingAddress()), a.getOwnerId(),
				a.getTeamId(), a.getLifecycleStage(), a.getSource(), a.getDescription(), a.getCustomFields(), a.getCreatedBy(),
				a.getCreatedAt(), a.getUpdatedBy(), a.getUpdatedAt());
	}
}
