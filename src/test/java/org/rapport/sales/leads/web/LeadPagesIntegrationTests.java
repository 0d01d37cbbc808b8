package org.rapport.sales.leads.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.Statements;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadFilter;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadService;
import org.springframework.data.domain.Sort;
import org.rapport.sales.leads.internal.LeadStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class LeadPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	LeadService leads;

	@Autowired
	Customers customers;

	TeamId team;
	User seller;

	@BeforeEach
	void people() {
		team = data.team();
		seller = data.user(team, Role.SALES);
	}

	Lead lead(User owner, String first, String last, String company, String email, LeadStatus status) {
		return leads.create(data.actor(owner), new LeadDetails(first, last, company, null, email, null, null,
				LeadRating.WARM, null), status, null, null, null);
	}

	@Test
	void theListShowsVisibleLeadsWithItsMenuEntryAndAnHtmxRequestGetsOnlyTheResults() throws Exception {
		String tag = TestData.unique("Listed");
		lead(seller, "Ann", tag + "Alpha", "Co", null, LeadStatus.NEW);
		lead(data.user(data.team(), Role.SALES), "Bob", tag + "Hidden", "Co", null, LeadStatus.NEW);

		mvc.perform(get("/leads").param("q", tag).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + "Alpha")))
			.andExpect(content().string(not(containsString(tag + "Hidden"))))
			.andExpect(content().string(containsString("id=\"filters\"")))
			.andExpect(content().string(containsString("href=\"/leads\"")))
			.andExpect(content().string(containsString("bi-funnel")));

		mvc.perform(get("/leads").param("q", tag).param("status", "NEW").param("rating", "WARM")
			.header("HX-Request", "true").header("HX-Target", "results").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + "Alpha")))
			.andExpect(content().string(not(containsString("<nav class=\"navbar"))));

		mvc.perform(get("/leads").param("q", tag).param("status", "QUALIFIED").with(data.as(seller)))
			.andExpect(content().string(not(containsString(tag + "Alpha"))));
	}

	@Test
	void theCsvExportHoldsTheFilteredLeadsTheUserMaySee() throws Exception {
		String company = TestData.unique("Export Co");
		lead(seller, "Ada", "Byron", company, "ada@export.example", LeadStatus.NEW);
		lead(seller, "Grace", "Hopper", company, "grace@export.example", LeadStatus.QUALIFIED);
		lead(data.user(data.team(), Role.SALES), "Hidden", "Person", company, null, LeadStatus.NEW);
		String csv = mvc.perform(get("/leads/export.csv").param("q", company).param("status", "QUALIFIED")
			.with(data.as(seller)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines()).hasSize(2);
		assertThat(csv).contains("Hopper").doesNotContain("Byron").doesNotContain("Hidden");
	}

	@Test
	void theListPageIssuesTheSameNumberOfQueriesWhateverThePageSize() throws Exception {
		User owner = data.user(team, Role.SALES);
		for (int i = 0; i < 30; i++) {
			lead(i % 2 == 0 ? owner : data.user(team, Role.SALES), "Count", TestData.unique("Counted"), null, null,
					LeadStatus.NEW);
		}
		// once before counting: the custom field definitions the list reads are cached for a while, and a reload is
		// no statement per row
		statementsFor(owner, 5);
		assertThat(statementsFor(owner, 5)).isEqualTo(statementsFor(owner, 25)).isLessThanOrEqualTo(7);
	}

	private long statementsFor(User viewer, int size) throws Exception {
		// filters in the address, as a browser sends them
		var request = get("/leads?q=Counted&size={size}", size).with(data.as(viewer));
		return Statements.preparedBy(() -> mvc.perform(request).andExpect(status().isOk()));
	}

	@Test
	void creatingALeadThroughTheFormRedirectsToItsPage() throws Exception {
		String last = TestData.unique("Formed");
		String location = mvc.perform(post("/leads").with(csrf()).with(data.as(seller))
			.param("firstName", "Lin")
			.param("lastName", last)
			.param("company", TestData.unique("Formed Co"))
			.param("email", TestData.unique("lin") + "@example.com")
			.param("status", "CONTACTED")
			.param("rating", "HOT"))
			.andExpect(redirectedUrlPattern("/leads/*"))
			.andExpect(flash().attribute("success", "flash.lead.created"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(containsString("Lin " + last)))
			.andExpect(content().string(containsString("Contacted")))
			.andExpect(content().string(containsString("id=\"qualify\"")))
			.andExpect(content().string(not(containsString("id=\"convert\""))));
	}

	@Test
	void invalidInputShowsAMessageAtEachFieldAndStoresNothing() throws Exception {
		String first = TestData.unique("Bad");
		mvc.perform(post("/leads").with(csrf()).with(data.as(seller))
			.param("firstName", first)
			.param("lastName", "")
			.param("email", "not-an-email")
			.param("status", "DISQUALIFIED"))
			.andExpect(status().isOk())
			.andExpect(view().name("sales/leads/form"))
			.andExpect(model().attributeHasFieldErrors("input", "lastName", "email"))
			.andExpect(content().string(containsString("must be an e-mail address")));
		mvc.perform(post("/leads").with(csrf()).with(data.as(seller))
			.param("firstName", first)
			.param("lastName", "Reasonless")
			.param("status", "DISQUALIFIED"))
			.andExpect(model().attributeHasFieldErrors("input", "disqualifiedReason"))
			.andExpect(content().string(containsString("Say why the lead is disqualified.")));
		assertThat(leads.list(data.actor(seller), new LeadFilter(first, null, null, null), Sort.by("name"), 0,
				10).items()).isEmpty();
	}

	@Test
	void aPossibleDuplicateIsShownWithLinksAndTheUserMayProceed() throws Exception {
		String email = TestData.unique("twin") + "@example.com";
		Lead existing = lead(seller, "Tina", "Twin", "Twin Co", email, LeadStatus.NEW);
		String last = TestData.unique("Second");

		mvc.perform(post("/leads").with(csrf()).with(data.as(seller))
			.param("lastName", last)
			.param("email", email.toUpperCase())
			.param("status", "NEW"))
			.andExpect(status().isOk())
			.andExpect(view().name("sales/leads/form"))
			.andExpect(content().string(containsString("id=\"duplicates\"")))
			.andExpect(content().string(containsString("href=\"/leads/" + existing.getId() + "\"")))
			.andExpect(content().string(containsString("value=\"" + last + "\"")));
		assertThat(leads.list(data.actor(seller), new LeadFilter(last, null, null, null), Sort.by("name"), 0,
				10).items()).isEmpty();

		mvc.perform(post("/leads").with(csrf()).with(data.as(seller))
			.param("lastName", last)
			.param("email", email.toUpperCase())
			.param("status", "NEW")
			.param("proceed", "true"))
			.andExpect(redirectedUrlPattern("/leads/*"));
		assertThat(leads.list(data.actor(seller), new LeadFilter(last, null, null, null), Sort.by("name"), 0,
				10).items()).hasSize(1);
	}

	@Test
	void savingAFormThatSomeoneElseChangedMeanwhileShowsTheConflict() throws Exception {
		Lead lead = lead(seller, "Con", TestData.unique("Tested"), null, null, LeadStatus.NEW);
		leads.update(data.actor(seller), lead.getId(), 0, new LeadDetails("Con", "Their Change", null, null, null,
				null, null, null, null), LeadStatus.NEW, null, null, null);
		mvc.perform(post("/leads/" + lead.getId()).with(csrf()).with(data.as(seller))
			.param("lastName", "My Change")
			.param("status", "NEW")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone else changed this record")));
		assertThat(leads.get(data.actor(seller), lead.getId()).getLastName()).isEqualTo("Their Change");
	}

	@Test
	void anotherTeamsLeadPageAnswersNotFound() throws Exception {
		Lead hidden = lead(data.user(data.team(), Role.SALES), "Hid", "Den", null, null, LeadStatus.NEW);
		mvc.perform(get("/leads/" + hidden.getId()).with(data.as(seller))).andExpect(status().isNotFound());
		mvc.perform(get("/leads/" + UUID.randomUUID()).with(data.as(seller))).andExpect(status().isNotFound());
	}

	@Test
	void qualifyingThenConvertingIntoASuggestedAccountShowsTheLinksAndTheAccountPanel() throws Exception {
		String company = TestData.unique("Panel Corp");
		AccountId account = customers.openAccount(data.actor(seller), new NewAccount(company, AccountType.COMPANY,
				null, null, null, null, null));
		Lead lead = lead(seller, "Pia", "Panel", company + " Europe", "pia@example.com", LeadStatus.CONTACTED);

		mvc.perform(get("/leads/" + lead.getId() + "/convert").with(data.as(seller)))
			.andExpect(redirectedUrl("/leads/" + lead.getId()))
			.andExpect(flash().attribute("failure", "lead.convert.notQualified"));
		mvc.perform(post("/leads/" + lead.getId() + "/qualify").param("version", "0").with(csrf())
			.with(data.as(seller)))
			.andExpect(flash().attribute("success", "flash.lead.qualified"));

		mvc.perform(get("/leads/" + lead.getId() + "/convert").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + account + "\"")))
			.andExpect(content().string(containsString(company)));
		mvc.perform(post("/leads/" + lead.getId() + "/convert").with(csrf()).with(data.as(seller))
			.param("into", "existing")
			.param("version", "1"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("conversion", "accountId"));
		mvc.perform(post("/leads/" + lead.getId() + "/convert").with(csrf()).with(data.as(seller))
			.param("into", "existing")
			.param("accountId", account.toString())
			.param("version", "1"))
			.andExpect(redirectedUrl("/leads/" + lead.getId()))
			.andExpect(flash().attribute("success", "flash.lead.converted"));

		Lead converted = leads.get(data.actor(seller), lead.getId());
		mvc.perform(get("/leads/" + lead.getId()).with(data.as(seller)))
			.andExpect(content().string(containsString("href=\"/accounts/" + account + "\"")))
			.andExpect(content().string(containsString("href=\"/contacts/" + converted.getConvertedContactId() + "\"")))
			.andExpect(content().string(not(containsString("id=\"convert\""))))
			.andExpect(content().string(not(containsString("id=\"edit\""))));
		mvc.perform(get("/accounts/" + account).with(data.as(seller)))
			.andExpect(content().string(containsString("hx-get=\"/sales/accounts/" + account + "/leads\"")));
		mvc.perform(get("/sales/accounts/" + account + "/leads").with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"converted-leads\"")))
			.andExpect(content().string(containsString("href=\"/leads/" + lead.getId() + "\"")));

		mvc.perform(post("/leads/" + lead.getId() + "/convert").with(csrf()).with(data.as(seller))
			.param("into", "new")
			.param("accountName", "Second Try"))
			.andExpect(redirectedUrl("/leads/" + lead.getId()))
			.andExpect(flash().attribute("failure", "lead.converted.already"));
		assertThat(customers.accountsNamed(data.actor(seller), "Second Try", 5)).isEmpty();
	}

	@Test
	void convertingWithAnOpportunityNeedsItsFieldsThenOpensIt() throws Exception {
		String company = TestData.unique("Deal Page Co");
		Lead lead = lead(seller, "Opal", "Deal", company, null, LeadStatus.QUALIFIED);
		mvc.perform(post("/leads/" + lead.getId() + "/convert").with(csrf()).with(data.as(seller))
			.param("into", "new")
			.param("accountName", company)
			.param("withOpportunity", "true")
			.param("opportunityCurrency", "nope")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("conversion", "opportunityName", "opportunityAmount",
					"opportunityCurrency", "opportunityCloseDate"));
		assertThat(customers.accountsNamed(data.actor(seller), company, 5)).isEmpty();

		mvc.perform(post("/leads/" + lead.getId() + "/convert").with(csrf()).with(data.as(seller))
			.param("into", "new")
			.param("accountName", company)
			.param("withOpportunity", "true")
			.param("opportunityName", "Pilot")
			.param("opportunityAmount", "500")
			.param("opportunityCurrency", "CNY")
			.param("opportunityCloseDate", "2027-06-30")
			.param("version", "0"))
			.andExpect(flash().attribute("success", "flash.lead.converted"));
		UUID opportunity = leads.get(data.actor(seller), lead.getId()).getConvertedOpportunityId();
		assertThat(opportunity).isNotNull();
		mvc.perform(get("/leads/" + lead.getId()).with(data.as(seller)))
			.andExpect(content().string(containsString("id=\"converted-opportunity\"")))
			.andExpect(content().string(containsString("href=\"/opportunities/" + opportunity + "\"")));
		mvc.perform(get("/opportunities/" + opportunity).with(data.as(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pilot")));
	}

	@Test
	void convertingIntoANewAccountNamesItAfterTheCompany() throws Exception {
		String company = TestData.unique("Brand New Co");
		Lead lead = lead(seller, "Nia", "New", company, null, LeadStatus.QUALIFIED);
		mvc.perform(get("/leads/" + lead.getId() + "/convert").with(data.as(seller)))
			.andExpect(content().string(containsString("value=\"" + company + "\"")));
		mvc.perform(post("/leads/" + lead.getId() + "/convert").with(csrf()).with(data.as(seller))
			.param("into", "new")
			.param("accountName", company)
			.param("version", "0"))
			.andExpect(flash().attribute("success", "flash.lead.converted"));
		assertThat(customers.accountsNamed(data.actor(seller), company, 5)).singleElement()
			.satisfies(a -> assertThat(a.id().value()).isEqualTo(
					leads.get(data.actor(seller), lead.getId()).getConvertedAccountId()));
	}

	@Test
	void deletingALeadReturnsToTheList() throws Exception {
		Lead lead = lead(seller, "Del", TestData.unique("Ete"), null, null, LeadStatus.NEW);
		mvc.perform(post("/leads/" + lead.getId() + "/delete").with(csrf()).with(data.as(seller)))
			.andExpect(redirectedUrl("/leads"))
			.andExpect(flash().attribute("success", "flash.lead.deleted"));
		mvc.perform(get("/leads/" + lead.getId()).with(data.as(seller))).andExpect(status().isNotFound());
	}
}
