package org.rapport.customers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.rapport.customers.AccountType;
import org.rapport.customers.LifecycleStage;
import org.rapport.customers.internal.Account;
import org.rapport.customers.internal.AccountDetails;
import org.rapport.customers.internal.AccountService;
import org.rapport.customers.internal.Contact;
import org.rapport.customers.internal.ContactDetails;
import org.rapport.customers.internal.ContactService;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.shared.PostalAddress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RapportModuleTest
class ContactPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	ContactService contacts;

	User seller;
	Account account;

	@BeforeEach
	void setUp() {
		seller = data.user(data.team(), Role.SALES);
		account = accounts.create(data.actor(seller), new AccountDetails(TestData.unique("Home Co"), AccountType.COMPANY,
				null, null, null, null, PostalAddress.EMPTY, LifecycleStage.NEW, null, null), null, null);
	}

	@Test
	void theContactPageShowsItsAccountAndTheAccountPageListsTheContact() throws Exception {
		Contact contact = contacts.create(data.actor(seller), new ContactDetails("Mei", "Chen", "Buyer",
				"mei@example.com", null, PostalAddress.EMPTY, false), account.getId(), null, null);
		mvc.perform(get("/contacts/" + contact.getId()).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(account.getName())))
			.andExpect(content().string(containsString("mei@example.com")));
		mvc.perform(get("/accounts/" + account.getId()).with(data.as(seller)))
			.andExpect(content().string(containsString("Mei Chen")));
		mvc.perform(get("/contacts").param("account", account.getId().toString()).with(data.as(seller)))
			.andExpect(content().string(containsString("Chen, Mei")));
	}

	@Test
	void aContactIsCreatedForAnAccountThroughTheForm() throws Exception {
		mvc.perform(get("/contacts/new").param("account", account.getId().toString()).with(data.as(seller)))
			.andExpect(content().string(containsString(account.getName())));
		mvc.perform(post("/contacts").with(csrf()).with(data.as(seller))
			.param("accountId", account.getId().toString())
			.param("firstName", "Lars")
			.param("lastName", "Berg")
			.param("address.city", "Oslo"))
			.andExpect(redirectedUrlPattern("/contacts/*"));
		assertThat(accounts.contactsOf(account.getId(), 10)).extracting(Contact::getLastName).containsExactly("Berg");
	}

	@Test
	void aContactWithoutLastNameIsRefusedAtTheField() throws Exception {
		mvc.perform(post("/contacts").with(csrf()).with(data.as(seller)).param("firstName", "Only"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("input", "lastName"));
	}

	@Test
	void theAccountPickerOffersOnlyVisibleAccountsStartingWithTheText() throws Exception {
		User stranger = data.user(data.team(), Role.SALES);
		accounts.create(data.actor(stranger), new AccountDetails(account.getName() + " Twin", AccountType.COMPANY,
				null, null, null, null, PostalAddress.EMPTY, LifecycleStage.NEW, null, null), null, null);
		mvc.perform(get("/accounts/picker").param("q", account.getName().substring(0, 12)).with(data.as(seller)))
			.andExpect(content().string(containsString(account.getName())))
			.andExpect(content().string(not(containsString("Twin"))));
	}
}
