package org.rapport.sales.leads.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customers.AccountId;
import org.rapport.customers.AccountType;
import org.rapport.customers.ContactId;
import org.rapport.customers.Customers;
import org.rapport.customers.NewAccount;
import org.rapport.customers.NewContact;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadConversion;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadRating;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.sales.web.AccountMergeIntegrationTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Duplicate leads: the warning on entry with normalised keys, the administrators' groups, the merge of two leads,
 * and a contact merge that moves converted leads' links.
 */
@RapportTest
class LeadMergeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	LeadService leads;

	@Autowired
	Customers customers;

	@Autowired
	JdbcTemplate jdbc;

	User admin;
	Actor adminActor;
	String token;

	@BeforeEach
	void setUp() {
		admin = data.user(data.team(), Role.ADMIN);
		adminActor = data.actor(admin);
		token = data.bearer(admin);
	}

	@Test
	void theLeadWarningComparesNormalisedCompanyNames() throws Exception {
		String company = TestData.unique("Soylent");
		Lead existing = leads.create(adminActor, new LeadDetails("Sol", "Roth", company + " Inc.", null, null, null,
				null, null, null), null, null, null, null);
		mvc.perform(post("/api/v1/leads").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\": \"SOL\", \"lastName\": \"roth\", \"company\": \"" + company.toLowerCase()
					+ " LLC\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicates[*].id", hasItem(existing.getId().toString())));
	}

	@Test
	void mergingLeadsKeepsTheChosenValuesAndTheSurvivorsStatus() throws Exception {
		String email = "0000-" + TestData.unique("lead").toLowerCase() + "@example.com";
		Lead survivor = leads.create(adminActor, new LeadDetails("Rick", "Deckard", "LAPD", null, email, null, null,
				null, null), LeadStatus.CONTACTED, null, null, null);
		Lead merged = leads.create(adminActor, new LeadDetails("Richard", "Deckard", "LAPD", "Blade runner", email,
				"+1 555 0199", null, LeadRating.HOT, "Met at the bar"), null, null, null, null);

		mvc.perform(get("/leads/duplicates").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/leads/" + survivor.getId() + "/merge?with=" + merged.getId())));
		mvc.perform(get("/api/v1/leads/duplicate-groups").param("size", "200").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].members[*].id", hasItem(merged.getId().toString())));
		mvc.perform(get("/leads/" + survivor.getId() + "/merge").param("with", merged.getId().toString())
			.with(data.as(admin))).andExpect(status().isOk());

		mvc.perform(post("/api/v1/leads/" + survivor.getId() + "/merge").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + merged.getId() + "\", \"version\": 0, \"mergedVersion\": 0,"
					+ " \"fields\": {\"firstName\": \"merged\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.firstName").value("Richard"))
			.andExpect(jsonPath("$.title").value("Blade runner"))
			.andExpect(jsonPath("$.rating").value("HOT"))
			.andExpect(jsonPath("$.status").value("CONTACTED"));
		mvc.perform(get("/api/v1/leads/" + merged.getId()).header("Authorization", token))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/leads/" + survivor.getId() + "/merges").header("Authorization", token))
			.andExpect(jsonPath("$[0].kind").value("LEAD"))
			.andExpect(jsonPath("$[0].chosenFields.firstName").value("merged"));
		mvc.perform(get("/leads/" + survivor.getId()).with(data.as(admin)))
			.andExpect(content().string(containsString("merge-log")));
	}

	@Test
	void theUserChoosesPerCustomFieldOfALeadThroughTheApiAndTheForm(@Autowired CustomFieldService fields)
			throws Exception {
		String suffix = AccountMergeIntegrationTests.suffix();
		UUID budget = AccountMergeIntegrationTests.textField(fields, "lead", "budget" + suffix, "Budget " + suffix);
		UUID need = AccountMergeIntegrationTests.textField(fields, "lead", "need" + suffix, "Need " + suffix);
		try {
			String survivor = lead("Pris", suffix, "Large", "Parts");
			String merged = lead("Pris", suffix, "Small", "Eyes");
			mvc.perform(post("/api/v1/leads/" + survivor + "/merge").header("Authorization", token)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergedId\": \"" + merged + "\", \"version\": 0, \"mergedVersion\": 0, \"fields\": {"
						+ "\"cf.budget" + suffix + "\": \"merged\", \"cf.need" + suffix + "\": \"survivor\"}}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.customFields.budget" + suffix).value("Small"))
				.andExpect(jsonPath("$.customFields.need" + suffix).value("Parts"));
			mvc.perform(get("/api/v1/leads/" + survivor + "/merges").header("Authorization", token))
				.andExpect(jsonPath("$[0].chosenFields['cf.budget" + suffix + "']").value("merged"))
				.andExpect(jsonPath("$[0].chosenFields['cf.need" + suffix + "']").value("survivor"))
				.andExpect(jsonPath("$[0].mergedValues['cf.budget" + suffix + "']").value("Small"));

			String kept = lead("Zhora", suffix, "Large", "Snakes");
			String gone = lead("Zhora", suffix, "Medium", "Shelter");
			mvc.perform(get("/leads/" + kept + "/merge").param("with", gone).with(data.as(admin)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"keep-merged-cf.budget" + suffix + "\"")))
				.andExpect(content().string(containsString("Need " + suffix)))
				.andExpect(content().string(containsString("Shelter")));
			mvc.perform(post("/leads/" + kept + "/merge").with(data.as(admin))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("mergedId", gone)
				.param("version", "0")
				.param("mergedVersion", "0")
				.param("fields[cf.budget" + suffix + "]", "survivor")
				.param("fields[cf.need" + suffix + "]", "merged"))
				.andExpect(status().is3xxRedirection());
			mvc.perform(get("/api/v1/leads/" + kept).header("Authorization", token))
				.andExpect(jsonPath("$.customFields.budget" + suffix).value("Large"))
				.andExpect(jsonPath("$.customFields.need" + suffix).value("Shelter"));
			mvc.perform(get("/api/v1/leads/" + kept + "/merges").header("Authorization", token))
				.andExpect(jsonPath("$[0].chosenFields['cf.budget" + suffix + "']").value("survivor"))
				.andExpect(jsonPath("$[0].chosenFields['cf.need" + suffix + "']").value("merged"));
		}
		finally {
			fields.retire(budget);
			fields.retire(need);
		}
	}

	private String lead(String firstName, String suffix, String budget, String need) throws Exception {
		String body = mvc.perform(post("/api/v1/leads").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\": \"" + firstName + "\", \"lastName\": \"" + TestData.unique("Replicant")
					+ "\", \"customFields\": {\"budget" + suffix + "\": \"" + budget + "\", \"need" + suffix + "\": \""
					+ need + "\"}}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.id");
	}

	@Test
	void aSellerMayNotMergeLeadsAndAConvertedLeadCannotBeMerged() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		Actor sellerActor = data.actor(seller);
		Lead one = leads.create(sellerActor, new LeadDetails(null, "Batty", null, null, null, null, null, null, null),
				LeadStatus.QUALIFIED, null, null, null);
		Lead two = leads.create(sellerActor, new LeadDetails(null, "Batty", null, null, null, null, null, null, null),
				null, null, null, null);
		mvc.perform(post("/api/v1/leads/" + one.getId() + "/merge").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + two.getId() + "\", \"version\": 0, \"mergedVersion\": 0}"))
			.andExpect(status().isForbidden());

		Lead converted = leads.convert(adminActor, one.getId(), null, new LeadConversion(null, "Nexus", null));
		mvc.perform(post("/api/v1/leads/" + one.getId() + "/merge").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + two.getId() + "\", \"version\": " + converted.getVersion()
					+ ", \"mergedVersion\": 0}"))
			.andExpect(status().isConflict());
	}

	@Test
	void mergingContactsMovesTheConvertedLeadsLinkToTheSurvivor() throws Exception {
		AccountId account = customers.openAccount(adminActor,
				new NewAccount(TestData.unique("Wallace"), AccountType.COMPANY, null, null, null, null, null));
		ContactId survivor = customers.addContact(adminActor,
				new NewContact(account, "Niander", "Wallace", null, null, null, null));
		Lead lead = leads.create(adminActor, new LeadDetails("Niander", "Wallace", null, null, null, null, null, null,
				null), LeadStatus.QUALIFIED, null, null, null);
		lead = leads.convert(adminActor, lead.getId(), null, new LeadConversion(account.value(), null, null));
		UUID merged = lead.getConvertedContactId();

		mvc.perform(post("/api/v1/contacts/" + survivor + "/merge").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + merged + "\", \"version\": 0, \"mergedVersion\": 0}"))
			.andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select converted_contact_id from lead where id = ?", UUID.class,
				lead.getId())).isEqualTo(survivor.value());
		assertThat(jdbc.queryForObject("select count(*) from contact where id = ?", Long.class, merged)).isZero();
	}
}
