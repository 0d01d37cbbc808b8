package org.rapport.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.identity.Role;
import org.rapport.TestData;
import org.rapport.identity.internal.User;
import org.rapport.search.internal.SearchIndex;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search box on every page, its dropdown, the results page and the administrators' index page.
 */
@RapportTest
class SearchPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	SearchIndex index;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	Indexing indexing;

	@Test
	void everyPageHasTheSearchBoxAndTheDropdownShowsTheVisibleHitsGroupedByKind() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String word = GlobalSearchIntegrationTests.word();
		Account ours = account(seller, GlobalSearchIntegrationTests.capital(word) + " Mining");
		account(data.user(data.team(), Role.SALES), GlobalSearchIntegrationTests.capital(word) + " Hidden");
		indexing.settle();

		mvc.perform(get("/accounts").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"global-search-q\"")));
		mvc.perform(get("/search/suggest").param("q", word.substring(0, 4)).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"search-suggestions\""),
					containsString(GlobalSearchIntegrationTests.capital(word) + " Mining"),
					containsString("/accounts/" + ours.getId()), not(containsString(" Hidden")))));
		mvc.perform(get("/search/suggest").param("q", "").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("search-suggestions"))));
	}

	@Test
	void theResultsPageFiltersByKindAndPages() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String word = GlobalSearchIntegrationTests.word();
		for (int i = 0; i < 3; i++) {
			account(seller, GlobalSearchIntegrationTests.capital(word) + " Branch " + i);
		}
		indexing.settle();

		mvc.perform(get("/search").param("q", word).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"group-account\""), containsString("id=\"kind-account\""),
					containsString(GlobalSearchIntegrationTests.capital(word) + " Branch 2"))));
		mvc.perform(get("/search").param("q", word).param("kind", "account").param("size", "2").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"result-count\""), containsString("rel=\"next\""))));
		mvc.perform(get("/search").param("q", word).param("kind", "account").param("size", "2").param("page", "1")
			.with(data.as(seller))
			.header("HX-Request", "true")
			.header("HX-Target", "search-results"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("rel=\"prev\""), not(containsString("<html")))));
	}

	@Test
	void onlyAdministratorsOpenTheIndexPageAndRebuildTheIndex() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		User admin = data.user(null, Role.ADMIN);
		mvc.perform(get("/admin/search").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/search/rebuild").with(data.as(seller)).with(csrf())).andExpect(status().isForbidden());

		mvc.perform(get("/admin/search").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"rebuild\"")));
		mvc.perform(post("/admin/search/rebuild").with(data.as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/search"));
		long deadline = System.currentTimeMillis() + 60_000;
		while (index.status().running() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		mvc.perform(get("/admin/search").with(data.as(admin)))
			.andExpect(content().string(containsString("id=\"rebuild-progress\"")));
	}

	@Test
	void anEmptyIndexOverADatabaseWithRecordsIsBuiltFromTheDatabase() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String word = GlobalSearchIntegrationTests.word();
		Account account = account(seller, GlobalSearchIntegrationTests.capital(word) + " Restored");
		indexing.settle();
		Search.mapping(entityManagerFactory).scope(Object.class).workspace().purge();
		mvc.perform(get("/search/suggest").param("q", word).with(data.as(seller)))
			.andExpect(content().string(containsString("id=\"search-nothing\"")));

		assertThat(index.buildIfNeeded()).isTrue();
		long deadline = System.currentTimeMillis() + 60_000;
		while (index.status().running() && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}

		assertThat(index.status().reason()).isEqualTo("index empty");
		mvc.perform(get("/search/suggest").param("q", word).with(data.as(seller)))
			.andExpect(content().string(containsString("/accounts/" + account.getId())));
		assertThat(index.buildIfNeeded()).as("no second build of a full index").isFalse();
	}

	private Account account(User owner, String name) {
		return accounts.create(data.actor(owner), new AccountDetails(name, AccountType.COMPANY, null, null, null, null,
				PostalAddress.EMPTY, LifecycleStage.PROSPECT, null, null), null, null);
	}
}
