package org.rapport.activities.internal;

import org.rapport.activities.ActivityId;
import org.rapport.customers.AccountId;
import org.rapport.search.SearchField;
import org.rapport.search.SearchableKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the global search finds of activities: their subjects, under the account they roll up to. */
@Configuration(proxyBeanMethods = false)
class SearchableActivities {

	@Bean
	SearchableKind activityKind() {
		return SearchableKind.of(ActivityId.TYPE, "Activity")
			.label("nav.activities")
			.page("/activities/")
			.icon("list-check")
			.order(90)
			.fields(SearchField.title("name"), SearchField.reference("accountId", AccountId.TYPE))
			.subtitle("accountId")
			.build();
	}
}
