package org.rapport.customers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.ContactId;
import org.rapport.customers.ContactMatch;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.customers.NewContact;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Duplicate detection: the warning on entering an account or contact, the API look-ups and header, and the
 * administrators' duplicates lists.
 */
@RapportTest
class DuplicatesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	TeamId east;
	User seller;
	Actor sellerActor;
	User admin;

	@BeforeEach
	void people() {
		east = data.team();
		seller = data.user(east, Role.SALES);
		sellerActor = data.actor(seller);
		admin = data.user(east, Role.ADMIN);
	}

	@Test
	void anEmptyOrUnlikeFormWarnsOfNoDuplicates() throws Exception {
		for (String form : List.of("/accounts/new", "/contacts/new")) {
			mvc.perform(get(form).with(data.as(seller)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("id=\"duplicates\""))));
		}
		mvc.perform(post("/accounts").with(data.as(seller)).with(csrf())
			.param("name", "")
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"duplicates\""))));
	}

	@Test
	void enteringAnAccountLikeAVisibleOneWarnsAndSavingAnywayCreatesIt() throws Exception {
		String base = TestData.unique("Stark Industries");
		AccountId existing = customers.openAccount(sellerActor,
				new NewAccount(base + " Ltd", AccountType.COMPANY, null, null, null, null, null));

		mvc.perform(post("/accounts").with(data.as(seller)).with(csrf())
			.param("name", base.toUpperCase() + ", Inc.")
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"duplicates\"")))
			.andExpect(content().string(containsString("/accounts/" + existing)));

		mvc.perform(post("/accounts").with(data.as(seller)).with(csrf())
			.param("name", base.toUpperCase() + ", Inc.")
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT")
			.param("proceed", "true"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void theSameWebsiteDomainIsAPossibleDuplicateAndInvisibleAccountsAreNeverNamed() throws Exception {
		String domain = TestData.unique("wayne").toLowerCase() + ".example";
		AccountId mine = customers.openAccount(sellerActor,
				new NewAccount(TestData.unique("Wayne"), AccountType.COMPANY, "https://www." + domain + "/about", null,
						null, null, null));
		User stranger = data.user(data.team(), Role.SALES);
		customers.openAccount(data.actor(stranger),
				new NewAccount(TestData.unique("Wayne"), AccountType.COMPANY, domain, null, null, null, null));

		mvc.perform(get("/api/v1/accounts/duplicates").param("website", "http://" + domain)
			.header("Authorization", data.bearer(seller)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(mine.toString()));

		mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "%s", "type": "COMPANY", "lifecycleStage": "PROSPECT", "website": "%s"}
					""".formatted(TestData.unique("Other name"), domain)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Possible-Duplicates", mine.toString()));
	}

	@Test
	void aVisibleDuplicateIsFoundBehindAnyNumberOfOlderOnesTheUserDoesNotSee() {
		String email = TestData.unique("hogan").toLowerCase() + "@stark.example";
		Actor stranger = data.actor(data.user(data.team(), Role.SALES));
		for (int i = 0; i < 6; i++) {
			customers.addContact(stranger, new NewContact(null, "Happy", "Hogan", null, email, null, null));
		}
		ContactId mine = customers.addContact(sellerActor, new NewContact(null, "Harold", "Hogan", null, email, null,
				null));

		assertThat(customers.possibleDuplicateContacts(sellerActor, email, null, null, null, 1))
			.extracting(ContactMatch::id)
			.containsExactly(mine);
	}

	@Test
	void enteringAContactWithAKnownEmailWarns() throws Exception {
		String email = TestData.unique("pepper").toLowerCase() + "@stark.example";
		customers.addContact(sellerActor, new NewContact(null, "Pepper", "Potts", null, email, null, null));

		mvc.perform(post("/contacts").with(data.as(seller)).with(csrf())
			.param("firstName", "Virginia")
			.param("lastName", "Potts")
			.param("email", email.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"duplicates\"")));

		mvc.perform(get("/api/v1/contacts/duplicates").param("email", " " + email.toUpperCase())
			.header("Authorization", data.bearer(seller)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].email").value(email));
	}

	@Test
	void theSameNameAtADuplicateOfTheAccountIsAPossibleDuplicateContact() throws Exception {
		String company = TestData.unique("Oscorp");
		AccountId account = customers.openAccount(sellerActor,
				new NewAccount(company + " GmbH", AccountType.COMPANY, null, null, null, null, null));
		customers.addContact(sellerActor, new NewContact(account, "Norman", "Osborn", null, null, null, null));

		mvc.perform(get("/api/v1/contacts/duplicates").param("firstName", "norman").param("lastName", "OSBORN")
			.param("company", company).header("Authorization", data.bearer(seller)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].accountId").value(account.toString()));
	}

	@Test
	void administratorsSeeTheGroupsOfDuplicatesOthersGet403() throws Exception {
		String name = "0000 " + TestData.unique("Cyberdyne");
		AccountId one = customers.openAccount(sellerActor,
				new NewAccount(name, AccountType.COMPANY, null, null, null, null, null));
		AccountId two = customers.openAccount(sellerActor,
				new NewAccount(name + " Corp.", AccountType.COMPANY, null, null, null, null, null));

		mvc.perform(get("/accounts/duplicates").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/accounts/" + one + "/merge?with=" + two)));
		mvc.perform(get("/api/v1/accounts/duplicate-groups").param("size", "200")
			.header("Authorization", data.bearer(admin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].members[*].id", hasItem(two.toString())));

		mvc.perform(get("/accounts/duplicates").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(get("/contacts/duplicates").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(get("/leads/duplicates").with(data.as(seller))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/accounts/duplicate-groups").header("Authorization", data.bearer(seller)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/accounts/" + one).with(data.as(seller)))
			.andExpect(content().string(not(containsString("id=\"merge\""))));
		mvc.perform(get("/accounts/" + one).with(data.as(admin)))
			.andExpect(content().string(containsString("id=\"merge\"")));
	}

	@Test
	void contactGroupsByEmailAndByNameAtTheSameAccountAndTheirMerge() throws Exception {
		String email = "0000-" + TestData.unique("dup").toLowerCase() + "@example.com";
		AccountId account = customers.openAccount(sellerActor,
				new NewAccount(TestData.unique("Tyrell"), AccountType.COMPANY, null, null, null, null, null));
		var first = customers.addContact(sellerActor, new NewContact(account, "Eldon", "Tyrell", null, email, null, null));
		var second = customers.addContact(sellerActor,
				new NewContact(account, "Eldon", "Tyrell", "CEO", email.toUpperCase(), "+1 555 0100", null));
		String token = data.bearer(admin);

		mvc.perform(get("/contacts/duplicates").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/contacts/" + first + "/merge?with=" + second)));
		mvc.perform(get("/contacts/duplicates").param("by", "name").with(data.as(admin)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/contacts/duplicate-groups").param("by", "name").param("size", "200")
			.header("Authorization", token))
			.andExpect(status().isOk());

		mvc.perform(post("/api/v1/contacts/" + first + "/merge").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + second + "\", \"version\": 0, \"mergedVersion\": 0, \"fields\": {\"email\": \"survivor\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("CEO"))
			.andExpect(jsonPath("$.phone").value("+1 555 0100"))
			.andExpect(jsonPath("$.email").value(email));
		mvc.perform(get("/api/v1/contacts/" + second).header("Authorization", token)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/contacts/" + first + "/merges").header("Authorization", token))
			.andExpect(jsonPath("$[0].kind").value("CONTACT"))
			.andExpect(jsonPath("$[0].mergedValues.title").value("CEO"));
		mvc.perform(get("/contacts/" + first).with(data.as(admin)))
			.andExpect(content().string(containsString("merge-log")));
	}
}
