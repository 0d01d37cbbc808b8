package org.rapport.customers.internal;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.rapport.customers.AccountId;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.search.SearchField;
import org.rapport.search.SearchableKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the global search finds of accounts and contacts, as the fields of {@link Account} and {@link Contact} index
 * them: accounts by name, e-mail and phone, under their e-mail and phone; contacts the same, under their account's
 * name.
 */
@Configuration(proxyBeanMethods = false)
class SearchableCustomers {

	@Bean
	SearchableKind searchableAccounts(Customers customers) {
		return SearchableKind.of(AccountId.TYPE, "Account")
			.label("nav.accounts")
			.page("/accounts/")
			.icon("building")
			.order(10)
			.fields(SearchField.title("name"), SearchField.email("email"), SearchField.phone("phone"))
			.subtitle("email", "phone")
			.titles(ids -> byValue(customers.accountNames(ids.stream().map(AccountId::new).toList())))
			.build();
	}

	@Bean
	SearchableKind searchableContacts() {
		return SearchableKind.of(ContactId.TYPE, "Contact")
			.label("nav.contacts")
			.page("/contacts/")
			.icon("person")
			.order(20)
			.fields(SearchField.title("name"), SearchField.email("email"), SearchField.phone("phone"),
					SearchField.reference("accountId", AccountId.TYPE))
			.subtitle("accountId", "email", "phone")
			.build();
	}

	private static Map<UUID, String> byValue(Map<AccountId, String> names) {
		return names.entrySet()
			.stream()
			.collect(Collectors.toMap(entry -> entry.getKey().value(), Map.Entry::getValue));
	}
}
