package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rapport.customization.CustomField;
import org.rapport.customization.CustomFieldQuery;
import org.rapport.customization.FieldType;
import org.rapport.shared.SortWhitelist;
import org.springframework.data.domain.Sort;

class SortParameterTests {

	static final SortWhitelist ACCOUNTS = SortWhitelist.defaultingTo("name", Sort.Direction.ASC, "a.name", "a.id")
		.with("createdAt", "a.createdAt", "a.id")
		.alias("created", "createdAt");

	static final SortWhitelist ORDERS = SortWhitelist
		.defaultingTo("orderDate", Sort.Direction.DESC, "o.orderDate", "o.id")
		.with("number", "o.number");

	@Test
	void aKnownPropertyRendersItsPathsInTheDirectionAsked() {
		assertThat(ACCOUNTS.orderBy(SortParameter.parse("createdAt,desc", ACCOUNTS)))
			.isEqualTo("a.createdAt desc, a.id desc");
		assertThat(ACCOUNTS.orderBy(SortParameter.parse("name,DESC", ACCOUNTS))).isEqualTo("a.name desc, a.id desc");
		assertThat(ORDERS.orderBy(SortParameter.parse("number,asc", ORDERS))).isEqualTo("o.number asc");
	}

	@Test
	void anAliasOrAnotherCaseNamesTheSameProperty() {
		SortWhitelist.Choice choice = SortParameter.choose("created,asc", ACCOUNTS);
		assertThat(choice.param()).isEqualTo("createdAt,asc");
		assertThat(choice.orderBy()).isEqualTo("a.createdAt asc, a.id asc");
		assertThat(SortParameter.choose("CREATEDAT,desc", ACCOUNTS).param()).isEqualTo("createdAt,desc");
	}

	@Test
	void anUnknownPropertySortsByTheDefaultOneInTheDirectionAsked() {
		assertThat(SortParameter.choose("password,desc", ACCOUNTS).param()).isEqualTo("name,desc");
		assertThat(ACCOUNTS.orderBy(SortParameter.parse("a.id; drop table account", ACCOUNTS)))
			.isEqualTo("a.name asc, a.id asc");
		assertThat(SortParameter.choose(null, ACCOUNTS).param()).isEqualTo("name,asc");
		assertThat(SortParameter.choose(" ,desc", ACCOUNTS).param()).isEqualTo("name,asc");
		assertThat(SortParameter.choose(null, ORDERS).orderBy()).isEqualTo("o.orderDate desc, o.id desc");
		assertThat(ACCOUNTS.orderBy(Sort.unsorted())).isEqualTo("a.name asc, a.id asc");
	}

	@Test
	void aBadOrMissingDirectionTakesTheListsDefault() {
		assertThat(SortParameter.choose("createdAt,sideways", ACCOUNTS).param()).isEqualTo("createdAt,asc");
		assertThat(SortParameter.choose("createdAt", ACCOUNTS).param()).isEqualTo("createdAt,asc");
		assertThat(SortParameter.choose("number,sideways", ORDERS).param()).isEqualTo("number,desc");
		assertThat(SortParameter.choose("number", ORDERS).param()).isEqualTo("number,desc");
	}

	@Test
	void aCustomFieldOfTheListSortsByItsValueAndTheId() {
		CustomFieldQuery custom = CustomFieldQuery.of(List.of(field("tier", FieldType.PICK_LIST),
				field("seats", FieldType.NUMBER)), Map.of());
		SortWhitelist sorts = custom.sortable(ACCOUNTS, "a");
		assertThat(sorts.orderBy(SortParameter.parse("cf.tier,desc", sorts)))
			.isEqualTo("custom_field(a.customFields, 'tier') desc, a.id desc");
		assertThat(sorts.orderBy(SortParameter.parse("cf.seats", sorts)))
			.isEqualTo("cast(custom_field(a.customFields, 'seats') as Double) asc, a.id asc");
		assertThat(SortParameter.choose("cf.tier,asc", sorts).param()).isEqualTo("cf.tier,asc");
		assertThat(SortParameter.choose("cf.retired,desc", sorts).param()).isEqualTo("name,desc");
		assertThat(ACCOUNTS.orderBy(SortParameter.parse("cf.tier,desc", ACCOUNTS))).isEqualTo("a.name desc, a.id desc");
	}

	@Test
	void theDocumentPatternAcceptsEverySpellingWithAnOptionalDirection() {
		String pattern = SortParameter.pattern(ACCOUNTS.spellings(), true);
		assertThat(List.of("name", "createdAt,desc", "created,asc", "cf.tier,desc")).allMatch(v -> v.matches(pattern));
		assertThat(List.of("name,up", "id", "cf.", "cf.Tier")).noneMatch(v -> v.matches(pattern));
	}

	private static CustomField field(String key, FieldType type) {
		return new CustomField(null, "account", key, type, key, null, null, null, false, null, List.of("gold"), null,
				0, false, 0);
	}
}
