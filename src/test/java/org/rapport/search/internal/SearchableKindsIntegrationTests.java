package org.rapport.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.search.SearchField;
import org.rapport.search.SearchableKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search knows the kinds of record only through the descriptions that the modules give as beans, and refuses a
 * description that the index does not bear out.
 */
@RapportTest
class SearchableKindsIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SearchableKinds kinds;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	MessageSource messages;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void theSearchKnowsExactlyTheKindsThatTheModulesDescribeAsBeans() throws Exception {
		assertThat(kinds.all()).containsExactlyInAnyOrderElementsOf(
				context.getBeansOfType(SearchableKind.class).values());
		List<String> codes = kinds.all().stream().map(SearchableKind::code).toList();
		assertThat(codes).containsExactly("account", "contact", "lead", "opportunity", "product", "order", "contract",
				"case", "activity");

		String answer = mvc.perform(get("/api/v1/search").param("q", TestData.unique("nothing"))
			.header("Authorization", data.bearer(data.user(data.team(), Role.SALES))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> counts = JsonPath.read(answer, "$.counts");
		assertThat(counts.keySet()).containsExactlyElementsOf(codes);

		String document = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		List<String> described = JsonPath.read(document,
				"$.paths['/api/v1/search'].get.parameters[?(@.name == 'kind')].description");
		assertThat(described).containsExactly("one kind of record: account, contact, lead, opportunity, product, "
				+ "order, contract, case or activity");

		for (SearchableKind kind : kinds.all()) {
			assertThat(messages.getMessage(kind.labelKey(), null, Locale.ENGLISH))
				.isNotEqualTo(messages.getMessage(kind.labelKey(), null, Locale.SIMPLIFIED_CHINESE));
		}
	}

	@Test
	void aDescriptionThatTheIndexDoesNotBearOutIsRefused() {
		SearchMapping mapping = Search.mapping(entityManagerFactory);

		assertThatThrownBy(() -> check(mapping, account(SearchField.email("fax")))).hasMessageContaining("fax");
		assertThatThrownBy(() -> check(mapping, account(SearchField.words("email"))))
			.hasMessageContaining("email_prefix");
		assertThatThrownBy(() -> check(mapping, SearchableKind.of("pipeline", "Pipeline")
			.label("nav.pipelines")
			.page("/admin/pipelines/")
			.icon("kanban")
			.fields(SearchField.title("name"))
			.build())).hasMessageContaining("not indexed");
		assertThatThrownBy(() -> check(mapping, SearchableKind.of("account", "Account")
			.label("nav.accounts")
			.page("/accounts/")
			.icon("building")
			.fields(SearchField.title("name"), SearchField.email("name_prefix"))
			.subtitle("name_prefix")
			.build())).hasMessageContaining("name_prefix");
		check(mapping, account(SearchField.email("email")));
	}

	private static void check(SearchMapping mapping, SearchableKind kind) {
		new SearchableKinds(List.of(kind)).checkAgainst(mapping);
	}

	private static SearchableKind account(SearchField field) {
		return SearchableKind.of("account", "Account")
			.label("nav.accounts")
			.page("/accounts/")
			.icon("building")
			.fields(SearchField.title("name"), field)
			.build();
	}
}
