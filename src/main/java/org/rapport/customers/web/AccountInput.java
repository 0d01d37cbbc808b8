package org.rapport.customers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.rapport.customers.AccountSource;
import org.rapport.customers.AccountType;
import org.rapport.customers.Industry;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.identity.TeamId;
import org.rapport.identity.UserId;
import org.rapport.shared.PostalAddress;
import org.rapport.shared.ContactPoints;
import org.rapport.shared.EmailAddress;
import org.rapport.shared.ExternalIds;
import org.rapport.shared.PhoneNumber;
import org.rapport.shared.WebAddress;

/**
 * An account as the form and the API take it; checked before anything reaches the database.
 */
record AccountInput(
		@Schema(description = "The id another system gives the account, unique among accounts; references may name "
				+ "the account by it. Left out, it stays as it is; empty, it is taken away.")
		@Size(max = ExternalIds.MAX_LENGTH) String externalId,
		@NotBlank @Size(max = 200) String name,
		AccountType type,
		Industry industry,
		@Size(max = ContactPoints.WEBSITE_MAX) @WebAddress String website,
		@Size(max = ContactPoints.PHONE_MAX) @PhoneNumber String phone,
		@EmailAddress @Size(max = ContactPoints.EMAIL_MAX) String email,
		@Valid AddressInput billingAddress,
		UUID ownerId,
		UUID teamId,
		LifecycleStage lifecycleStage,
		AccountSource source,
		@Size(max = 4000) String description,
		Map<String, Object> customFields,
		Long version) {

	AccountInput {
		billingAddress = billingAddress == null ? AddressInput.EMPTY : billingAddress;
	}

	static AccountInput empty() {
		return new AccountInput(null, null, AccountType.COMPANY, null, null, null, null,
				AddressInput.EMPTY, null, null, LifecycleStage.PROSPECT, null, null, null, null);
	}

	static AccountInput of(Account account) {
		return new AccountInput(null, account.getName(), account.getType(), account.getIndustry(), account.getWebsite(),
				account.getPhone(), account.getEmail(), AddressInput.of(account.getBillingAddress()),
				account.getOwnerId(), account.getTeamId(), account.getLifecycleStage(), account.getSource(),
				account.getDescription(), null, account.getVersion());
	}

	AccountDetails toDetails() {
		return new AccountDetails(name, type, industry, Checks.blankToNull(website), Checks.blankToNull(phone),
				Checks.blankToNull(email), billingAddress == null ? PostalAddress.EMPTY : billingAddress.toAddress(),
				lifecycleStage, source, Checks.blankToNull(description), externalId);
	}

	UserId owner() {
		return ownerId == null ? null : new UserId(ownerId);
	}

	TeamId team() {
		return teamId == null ? null : new TeamId(teamId);
	}
}
