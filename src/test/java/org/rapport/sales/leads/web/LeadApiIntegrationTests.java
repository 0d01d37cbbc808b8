package org.rapport.sales.leads.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.Customers;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.LeadConverted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
@RecordApplicationEvents
class LeadApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Customers customers;

	@Autowired
	ApplicationEvents events;

	TeamId east;
	User eastSeller;
	String eastToken;
	String westToken;

	@BeforeEach
	void people() {
		east = data.team();
		eastSeller = data.user(east, Role.SALES);
		eastToken = data.bearer(eastSeller);
		westToken = data.bearer(data.user(data.team(), Role.SALES));
	}

	static String leadJson(String first, String last, String company, String email, String status) {
		return """
				{"firstName": "%s", "lastName": "%s", "company": "%s", "email": "%s", "status": "%s",
				 "source": "TRADE_SHOW", "rating": "HOT"}
				""".formatted(first, last, company, email, status);
	}

	String create(String token, String json) throws Exception {
		return mvc.perform(post("/api/v1/leads").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	@Test
	void creatingALeadAnswers201WithItsLocationVersionOwnerAndNoDuplicates() throws Exception {
		String company = TestData.unique("Fresh Co");
		mvc.perform(post("/api/v1/leads").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(leadJson("Grace", "Hopper", company, TestData.unique("grace") + "@example.com", "NEW")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/leads/")))
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.lastName").value("Hopper"))
			.andExpect(jsonPath("$.company").value(company))
			.andExpect(jsonPath("$.status").value("NEW"))
			.andExpect(jsonPath("$.rating").value("HOT"))
			.andExpect(jsonPath("$.source").value("TRADE_SHOW"))
			.andExpect(jsonPath("$.ownerId").value(eastSeller.getId().toString()))
			.andExpect(jsonPath("$.teamId").value(east.value().toString()))
			.andExpect(jsonPath("$.conversion").doesNotExist())
			.andExpect(jsonPath("$.possibleDuplicates", hasSize(0)));
	}

	@Test
	void invalidFieldsAnswer422NamingEachFieldAndStoreNothing() throws Exception {
		String tag = TestData.unique("Never");
		mvc.perform(post("/api/v1/leads").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\": \"" + tag + "\", \"lastName\": \" \", \"email\": \"nobody\", \"phone\": \"call me\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("lastName")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("email")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("phone")));

		mvc.perform(post("/api/v1/leads").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\": \"" + tag + "\", \"lastName\": \"Doe\", \"status\": \"DISQUALIFIED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("disqualifiedReason"));

		mvc.perform(post("/api/v1/leads").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\": \"" + tag + "\", \"lastName\": \"Doe\", \"status\": \"CONVERTED\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"));

		mvc.perform(post("/api/v1/leads").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastName\": \"Doe\", \"firstName\": \"" + tag + "\", \"ownerId\": \"" + UUID.randomUUID() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));

		mvc.perform(get("/api/v1/leads").param("q", tag).header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void aStaleIfMatchAnswers412AndAnOldBodyVersionAnswers409() throws Exception {
		String email = TestData.unique("stale") + "@example.com";
		String location = create(eastToken, leadJson("Stale", "Lead", "Stale Inc", email, "NEW"));
		mvc.perform(put(location).header("Authorization", eastToken)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(leadJson("Stale", "Lead", "Stale Inc", email, "CONTACTED")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.status").value("CONTACTED"));

		mvc.perform(put(location).header("Authorization", eastToken)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(leadJson("Lost", "Update", "Stale Inc", email, "NEW")))
			.andExpect(status().isPreconditionFailed())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));

		mvc.perform(put(location).header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"lastName\": \"Race\", \"version\": 0}"))
			.andExpect(status().isConflict());

		mvc.perform(get(location).header("Authorization", eastToken))
			.andExpect(jsonPath("$.lastName").value("Lead"))
			.andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void anotherTeamsLeadAnswers404ToReadUpdateDeleteAndConvert() throws Exception {
		String location = create(westToken, leadJson("West", "Only", "West Co", "west@example.com", "QUALIFIED"));
		mvc.perform(get(location).header("Authorization", eastToken)).andExpect(status().isNotFound());
		mvc.perform(put(location).header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(leadJson("Hijacked", "Lead", "X", "x@example.com", "NEW")))
			.andExpect(status().isNotFound());
		mvc.perform(post(location + "/convert").header("Authorization", eastToken)).andExpect(status().isNotFound());
		mvc.perform(delete(location).header("Authorization", eastToken)).andExpect(status().isNotFound());
		mvc.perform(get(location).header("Authorization", westToken)).andExpect(jsonPath("$.lastName").value("Only"));
	}

	@Test
	void listsFilterByTextStatusRatingAndOwnerSortAndPage() throws Exception {
		String tag = TestData.unique("Lst");
		for (String last : new String[] { "C", "A", "E", "B", "D" }) {
			create(eastToken, leadJson("Pat", tag + last, "Co", tag + last + "@example.com", "NEW"));
		}
		create(eastToken, leadJson("Pat", tag + "Q", "Co", tag + "q@example.com", "QUALIFIED"));
		mvc.perform(get("/api/v1/leads").param("q", tag.toLowerCase())
			.param("owner", eastSeller.getId().toString())
			.param("status", "NEW")
			.param("rating", "HOT")
			.param("sort", "name,desc")
			.param("size", "2")
			.param("page", "1")
			.header("Authorization", eastToken))
			.andExpect(jsonPath("$.items[0].lastName").value(tag + "C"))
			.andExpect(jsonPath("$.items[1].lastName").value(tag + "B"))
			.andExpect(jsonPath("$.hasNext").value(true))
			.andExpect(jsonPath("$.total").value(5));
		mvc.perform(get("/api/v1/leads").param("q", tag).param("status", "QUALIFIED").header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(1)));
		mvc.perform(get("/api/v1/leads").param("q", tag).param("rating", "COLD").header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(get("/api/v1/leads").param("q", tag).header("Authorization", westToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void creatingALeadLikeAVisibleLeadOrContactListsThemAsPossibleDuplicates() throws Exception {
		String company = TestData.unique("Dup Works");
		String email = TestData.unique("dup") + "@example.com";
		String first = create(eastToken, leadJson("Dana", "Scully", company, email, "NEW"));
		// Same e-mail in other letters; and a contact of the same name at an account of the same company.
		String accountLocation = mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(company)))
			.andReturn().getResponse().getHeader("Location");
		String accountId = accountLocation.substring(accountLocation.lastIndexOf('/') + 1);
		mvc.perform(post("/api/v1/contacts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + accountId + "\", \"firstName\": \"fox\", \"lastName\": \"MULDER\"}"))
			.andExpect(status().isCreated());
		// Another team's lead with the same e-mail stays hidden.
		create(westToken, leadJson("Hidden", "Twin", "Elsewhere", email, "NEW"));

		mvc.perform(post("/api/v1/leads").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(leadJson("D.", "Scully-Other", "Unrelated", email.toUpperCase(), "NEW")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicates", hasSize(1)))
			.andExpect(jsonPath("$.possibleDuplicates[0].type").value("lead"))
			.andExpect(jsonPath("$.possibleDuplicates[0].id").value(first.substring(first.lastIndexOf('/') + 1)))
			.andExpect(jsonPath("$.possibleDuplicates[0].href").value(first));

		mvc.perform(post("/api/v1/leads").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(leadJson("Fox", "Mulder", company.toLowerCase(), TestData.unique("fox") + "@example.com", "NEW")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicates", hasSize(1)))
			.andExpect(jsonPath("$.possibleDuplicates[0].type").value("contact"))
			.andExpect(jsonPath("$.possibleDuplicates[0].name").value("fox MULDER"))
			.andExpect(jsonPath("$.possibleDuplicates[0].company").value(company));
	}

	@Test
	void aQualifiedLeadConvertsOnceIntoANewAccountAndContactThenAnswers409() throws Exception {
		String company = TestData.unique("Convert Co");
		String email = TestData.unique("conv") + "@example.com";
		String location = create(eastToken, leadJson("Kim", "Convert", company, email, "QUALIFIED"));

		String body = mvc.perform(post(location + "/convert").header("Authorization", eastToken)
			.header("If-Match", "\"0\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONVERTED"))
			.andExpect(jsonPath("$.conversion.accountId").isNotEmpty())
			.andExpect(jsonPath("$.conversion.contactId").isNotEmpty())
			.andExpect(jsonPath("$.conversion.convertedAt").isNotEmpty())
			.andReturn().getResponse().getContentAsString();
		String accountId = JsonPath.read(body, "$.conversion.accountId");
		String contactId = JsonPath.read(body, "$.conversion.contactId");

		mvc.perform(get("/api/v1/accounts/" + accountId).header("Authorization", eastToken))
			.andExpect(jsonPath("$.name").value(company))
			.andExpect(jsonPath("$.type").value("COMPANY"))
			.andExpect(jsonPath("$.source").value("TRADE_SHOW"));
		mvc.perform(get("/api/v1/contacts/" + contactId).header("Authorization", eastToken))
			.andExpect(jsonPath("$.lastName").value("Convert"))
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.accountId").value(accountId));
		assertThat(events.stream(LeadConverted.class)
			.filter(e -> e.account().equals(new AccountId(UUID.fromString(accountId))))
			.count()).isEqualTo(1);

		mvc.perform(post(location + "/convert").header("Authorization", eastToken))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://rapport.org/problems/lead-state"));
		mvc.perform(put(location).header("Authorization", eastToken)
			.header("If-Match", "*")
			.contentType(MediaType.APPLICATION_JSON)
			.content(leadJson("Kim", "Changed", company, email, "QUALIFIED")))
			.andExpect(status().isConflict());
		assertThat(customers.accountsNamed(data.actor(eastSeller), company, 10)).hasSize(1);
	}

	@Test
	void aLeadThatIsNotQualifiedAnswers409AndNothingIsCreated() throws Exception {
		String company = TestData.unique("Unqualified Co");
		String location = create(eastToken, leadJson("Not", "Yet", company, "notyet@example.com", "CONTACTED"));
		mvc.perform(post(location + "/convert").header("Authorization", eastToken))
			.andExpect(status().isConflict());
		assertThat(customers.accountsNamed(data.actor(eastSeller), company, 10)).isEmpty();
		mvc.perform(get(location).header("Authorization", eastToken)).andExpect(jsonPath("$.status").value("CONTACTED"));
	}

	@Test
	void aQualifiedLeadConvertsIntoAnExistingAccount() throws Exception {
		String company = TestData.unique("Existing Co");
		String accountLocation = mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(company)))
			.andReturn().getResponse().getHeader("Location");
		String accountId = accountLocation.substring(accountLocation.lastIndexOf('/') + 1);
		String location = create(eastToken, leadJson("Joins", "Existing", company + " GmbH", "joins@example.com",
				"QUALIFIED"));

		mvc.perform(post(location + "/convert").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + accountId + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.conversion.accountId").value(accountId));
		mvc.perform(get("/api/v1/contacts").param("account", accountId).header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].lastName").value("Existing"));
		assertThat(customers.accountsNamed(data.actor(eastSeller), company, 10)).hasSize(1);
	}

	@Test
	void convertingIntoAnAccountTheUserMayNotSeeAnswers422AndLeavesTheLeadQualified() throws Exception {
		String westAccount = mvc.perform(post("/api/v1/accounts").header("Authorization", westToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(TestData.unique("West Account"))))
			.andReturn().getResponse().getHeader("Location");
		String location = create(eastToken, leadJson("Wrong", "Account", "Any", "wrong@example.com", "QUALIFIED"));
		mvc.perform(post(location + "/convert").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + westAccount.substring(westAccount.lastIndexOf('/') + 1) + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
		mvc.perform(get(location).header("Authorization", eastToken)).andExpect(jsonPath("$.status").value("QUALIFIED"));
	}

	@Test
	void convertingWithAnOpportunityOpensItOnTheAccountInTheSameStep() throws Exception {
		String company = TestData.unique("Deal Co");
		String location = create(eastToken, leadJson("Dee", "Deal", company, "dee@example.com", "QUALIFIED"));

		String body = mvc.perform(post(location + "/convert").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"opportunity": {"name": "First order", "amount": 1200.50, "currency": "eur",
					 "closeDate": "2027-03-31"}}
					"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.conversion.opportunityId").isNotEmpty())
			.andReturn().getResponse().getContentAsString();
		String accountId = JsonPath.read(body, "$.conversion.accountId");
		String opportunityId = JsonPath.read(body, "$.conversion.opportunityId");

		mvc.perform(get("/api/v1/opportunities/" + opportunityId).header("Authorization", eastToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("First order"))
			.andExpect(jsonPath("$.accountId").value(accountId))
			.andExpect(jsonPath("$.amount.currency").value("EUR"));
		assertThat(events.stream(LeadConverted.class)
			.filter(e -> e.opportunity() != null && e.opportunity().value().toString().equals(opportunityId))
			.count()).isEqualTo(1);
	}

	@Test
	void anIncompleteOpportunityAnswers422AndNothingIsConverted() throws Exception {
		String company = TestData.unique("Half Deal");
		String location = create(eastToken, leadJson("Hal", "Half", company, "hal@example.com", "QUALIFIED"));
		mvc.perform(post(location + "/convert").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"opportunity\": {\"name\": \"\", \"currency\": \"EUR\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("opportunity.name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("opportunity.amount")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("opportunity.closeDate")));
		mvc.perform(post(location + "/convert").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"opportunity": {"name": "Deal", "amount": 1, "currency": "XYZ", "closeDate": "2027-01-01"}}
					"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("opportunity.currency"));
		mvc.perform(get(location).header("Authorization", eastToken)).andExpect(jsonPath("$.status").value("QUALIFIED"));
		assertThat(customers.accountsNamed(data.actor(eastSeller), company, 10)).isEmpty();
	}
}
