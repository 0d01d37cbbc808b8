package org.rapport.support.internal;

import org.rapport.customers.AccountId;
import org.rapport.search.SearchField;
import org.rapport.search.SearchableKind;
import org.rapport.support.CaseId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the global search finds of customer service: cases by subject and number, under their account. */
@Configuration(proxyBeanMethods = false)
class SearchableCases {

	@Bean
	SearchableKind supportCasesInSearch() {
		return SearchableKind.of(CaseId.TYPE, "SupportCase")
			.label("nav.cases")
			.page("/cases/")
			.icon("life-preserver")
			.order(80)
			.fields(SearchField.title("name"), SearchField.number("number"),
					SearchField.reference("accountId", AccountId.TYPE))
			.subtitle("accountId")
			.build();
	}
}
