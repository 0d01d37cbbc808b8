package org.rapport.customers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.Statements;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.ContactDetails;
import org.rapport.customers.internal.ContactService;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RapportModuleTest
class AccountPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	@Autowired
	org.rapport.customers.internal.Lifecycle lifecycle;

	TeamId team;
	User seller;

	@BeforeEach
	void people() {
		team = data.team();
		seller = data.user(team, Role.SALES);
	}

	@Test
	void theListPageShowsVisibleAccountsAndAnHtmxRequestGetsOnlyTheResults() throws Exception {
		String tag = TestData.unique("Listed");
		account(seller, tag + " Alpha");
		account(data.user(data.team(), Role.SALES), tag + " Hidden");

		mvc.perform(get("/accounts").param("q", tag).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + " Alpha")))
			.andExpect(content().string(not(containsString(tag + " Hidden"))))
			.andExpect(content().string(containsString("id=\"filters\"")));

		mvc.perform(get("/accounts").param("q", tag).header("HX-Request", "true").header("HX-Target", "results")
			.with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + " Alpha")))
			.andExpect(content().string(not(containsString("<nav class=\"navbar"))));
	}

	@Test
	void theListSaysWhichPageOfHowManyItShowsBesideTheTotal() throws Exception {
		String tag = TestData.unique("Paged");
		for (int i = 0; i < 11; i++) {
			account(seller, tag + " " + i);
		}
		mvc.perform(get("/accounts").param("q", tag).param("size", "5").param("page", "1").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Page 2 of 3</span>")))
			.andExpect(content().string(containsString("6–10 of 11")));
		mvc.perform(get("/accounts").param("q", tag).param("size", "5").param("page", "85899346")
			.with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Page 85,899,347</span>")));
	}

	@Test
	void creatingAnAccountThroughTheFormRedirectsToItsPage() throws Exception {
		String name = TestData.unique("Formed");
		String location = mvc.perform(post("/accounts").with(csrf()).with(data.as(seller))
			.param("name", name)
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT")
			.param("website", "formed.example.com")
			.param("billingAddress.city", "Shanghai"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/accounts/*"))
			.andExpect(flash().attribute("success", "flash.account.created"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString(" · " + seller.getDisplayName())));
		assertThat(accounts.list(data.actor(seller), new org.rapport.customers.internal.AccountFilter(name, null, null,
				null, null), org.springframework.data.domain.Sort.by("name"), 0, 10).items())
			.singleElement()
			.satisfies(a -> assertThat(a.getBillingAddress().city()).isEqualTo("Shanghai"));
	}

	@Test
	void theFormRefusesToGiveAnAccountToSomeoneOfAnotherTeam() throws Exception {
		User stranger = data.user(data.team(), Role.SALES);
		String name = TestData.unique("Given away");
		mvc.perform(post("/accounts").with(csrf()).with(data.as(seller))
			.param("name", name)
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT")
			.param("ownerId", stranger.getId().toString()))
			.andExpect(status().isOk())
			.andExpect(view().name("customers/accounts/form"))
			.andExpect(model().attributeHasFieldErrors("input", "ownerId"))
			.andExpect(content().string(containsString("only to yourself or to a user of your team")));
		assertThat(accounts.list(data.actor(data.user(null, Role.ADMIN)),
				new org.rapport.customers.internal.AccountFilter(name, null, null, null, null),
				org.springframework.data.domain.Sort.by("name"), 0, 10).items()).isEmpty();
	}

	@Test
	void invalidInputShowsAMessageAtEachFieldAndStoresNothing() throws Exception {
		String tag = TestData.unique("Bad");
		mvc.perform(post("/accounts").with(csrf()).with(data.as(seller))
			.param("name", "")
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT")
			.param("email", tag + "-not-an-email")
			.param("phone", "call me"))
			.andExpect(status().isOk())
			.andExpect(view().name("customers/accounts/form"))
			.andExpect(model().attributeHasFieldErrors("input", "name", "email", "phone"))
			.andExpect(content().string(containsString("is-invalid")))
			.andExpect(content().string(containsString("must be an e-mail address")));
		mvc.perform(get("/api/v1/accounts").param("q", tag).with(data.as(seller)));
		assertThat(accounts.list(data.actor(seller), new org.rapport.customers.internal.AccountFilter(null,
				seller.getId(), null, null, null), org.springframework.data.domain.Sort.by("name"), 0, 10).items())
			.isEmpty();
	}

	@Test
	void savingAFormThatSomeoneElseChangedMeanwhileShowsTheConflictAndKeepsTheirChange() throws Exception {
		Account account = account(seller, TestData.unique("Contested"));
		accounts.update(data.actor(seller), account.getId(), 0, details("Their Change"), null, null);

		mvc.perform(post("/accounts/" + account.getId()).with(csrf()).with(data.as(seller))
			.param("name", "My Change")
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this record")));
		assertThat(accounts.get(data.actor(seller), account.getId()).getName()).isEqualTo("Their Change");
	}

	@Test
	void aStageSetOnTheFormIsKeptInTheLifecycleHistory() throws Exception {
		Account account = account(seller, TestData.unique("Staged"));
		mvc.perform(post("/accounts/" + account.getId()).with(csrf()).with(data.as(seller))
			.param("name", account.getName())
			.param("type", "COMPANY")
			.param("lifecycleStage", "EXISTING")
			.param("version", "0"))
			.andExpect(redirectedUrlPattern("/accounts/*"));
		assertThat(lifecycle.historyOf(data.actor(seller), account.getId(), 10)).singleElement().satisfies(change -> {
			assertThat(change.getFrom()).isEqualTo(LifecycleStage.PROSPECT);
			assertThat(change.getTo()).isEqualTo(LifecycleStage.EXISTING);
		});
	}

	@Test
	void anotherTeamsAccountPageAnswersNotFound() throws Exception {
		Account hidden = account(data.user(data.team(), Role.SALES), TestData.unique("Elsewhere"));
		mvc.perform(get("/accounts/" + hidden.getId()).with(data.as(seller)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/accounts/" + UUID.randomUUID()).with(data.as(seller))).andExpect(status().isNotFound());
	}

	@Test
	void deletingAnAccountWithContactsAsksWhatBecomesOfThem() throws Exception {
		Account account = account(seller, TestData.unique("Parent"));
		contacts.create(data.actor(seller), new ContactDetails("Ann", "Lee", null, null, null, PostalAddress.EMPTY,
				false), account.getId(), null, null);

		mvc.perform(get("/accounts/" + account.getId() + "/delete").with(data.as(seller)))
			.andExpect(content().string(containsString("It has 1 contacts")));
		mvc.perform(post("/accounts/" + account.getId() + "/delete").with(csrf()).with(data.as(seller)))
			.andExpect(redirectedUrlPattern("/accounts/*/delete"));
		mvc.perform(post("/accounts/" + account.getId() + "/delete").param("contacts", "DELETE").with(csrf())
			.with(data.as(seller)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/accounts"));
		assertThat(contacts.list(data.actor(seller), new org.rapport.customers.internal.ContactFilter(null,
				seller.getId(), null, null), org.springframework.data.domain.Sort.by("name"), 0, 10).items())
			.isEmpty();
	}

	@Test
	void theCsvExportHoldsTheFilteredVisibleAccounts() throws Exception {
		String tag = TestData.unique("Export");
		account(seller, tag + " One, with comma");
		account(seller, tag + " Two");
		account(data.user(data.team(), Role.SALES), tag + " Hidden");

		String csv = mvc.perform(get("/accounts/export.csv").param("q", tag).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("\"" + tag + " One, with comma\"").contains(tag + " Two").doesNotContain("Hidden");
		assertThat(csv.lines()).hasSize(3);
	}

	@Test
	void theListPageIssuesTheSameNumberOfQueriesWhateverThePageSize() throws Exception {
		User owner = data.user(team, Role.SALES);
		for (int i = 0; i < 30; i++) {
			account(i % 2 == 0 ? owner : data.user(team, Role.SALES), TestData.unique("Counted"));
		}
		// the first page after new users reads the users' and teams' names again, as after 30 s
		statementsFor(owner, 5);
		long small = statementsFor(owner, 5);
		long large = statementsFor(owner, 25);
		// the page and its counts; the names of owners and teams come from the directory
		assertThat(small).isEqualTo(large).isLessThanOrEqualTo(3);
	}

	private long statementsFor(User viewer, int size) throws Exception {
		// filters in the address, as a browser sends them
		var request = get("/accounts?team={team}&size={size}", team.value(), size).with(data.as(viewer));
		return Statements.preparedBy(() -> mvc.perform(request).andExpect(status().isOk()));
	}

	private Account account(User owner, String name) {
		return accounts.create(data.actor(owner), details(name), null, null);
	}

	private static AccountDetails details(String name) {
		return new AccountDetails(name, AccountType.COMPANY, null, null, null, null, PostalAddress.EMPTY,
				LifecycleStage.PROSPECT, null, null);
	}
}
