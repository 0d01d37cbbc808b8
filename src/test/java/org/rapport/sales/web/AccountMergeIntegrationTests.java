package org.rapport.sales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
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
import org.rapport.customization.FieldType;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition;
import org.rapport.identity.Actor;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.sales.NewOpportunity;
import org.rapport.sales.Opportunities;
import org.rapport.sales.catalogue.internal.Product;
import org.rapport.sales.leads.internal.Lead;
import org.rapport.sales.leads.internal.LeadConversion;
import org.rapport.sales.leads.internal.LeadDetails;
import org.rapport.sales.leads.internal.LeadService;
import org.rapport.sales.leads.internal.LeadStatus;
import org.rapport.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Merging accounts through the API moves what both modules keep for the merged account to the survivor: contacts
 * (customers), opportunities, orders, contracts and converted leads (sales), and records the merge.
 */
@RapportTest
@Import(CommerceFixtures.class)
public class AccountMergeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CommerceFixtures fixtures;

	@Autowired
	Customers customers;

	@Autowired
	Opportunities opportunities;

	@Autowired
	LeadService leads;

	@Autowired
	JdbcTemplate jdbc;

	TeamId east;
	User admin;
	Actor adminActor;
	String adminToken;

	@BeforeEach
	void setUp() {
		east = data.team();
		admin = data.user(east, Role.ADMIN);
		adminActor = data.actor(admin);
		adminToken = data.bearer(admin);
	}

	@Test
	void mergingMovesContactsOpportunitiesOrdersContractsAndConvertedLeadsToTheSurvivorAndLogsIt() throws Exception {
		String name = TestData.unique("Globex");
		AccountId survivor = customers.openAccount(adminActor,
				new NewAccount(name, AccountType.COMPANY, null, null, null, null, null));
		AccountId merged = customers.openAccount(adminActor,
				new NewAccount(name + " Inc.", AccountType.COMPANY, "www.globex.example", "+44 20 7946 0000", null, null, null));
		ContactId keptContact = customers.addContact(adminActor,
				new NewContact(survivor, "Hank", "Scorpio", null, null, null, null));
		ContactId movedContact = customers.addContact(adminActor,
				new NewContact(merged, "Homer", "Simpson", null, null, null, null));
		opportunities.open(adminActor, new NewOpportunity(merged, "Doomsday device", null, Money.of("1000", "EUR"),
				LocalDate.now().plusMonths(1), null));
		Product widget = fixtures.product("10", "EUR");
		mvc.perform(post("/api/v1/orders").header("Authorization", adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.orderJson(merged, widget.getId(), "2", null)))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/contracts").header("Authorization", adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(CommerceFixtures.contractJson(merged, LocalDate.now(), LocalDate.now().plusYears(1), "")))
			.andExpect(status().isCreated());
		Lead lead = leads.create(adminActor, new LeadDetails("Marge", "Bouvier", name, null, null, null, null, null,
				null), LeadStatus.QUALIFIED, null, null, null);
		leads.convert(adminActor, lead.getId(), null, new LeadConversion(merged.value(), null, null));
		assertThat(count("contact", merged)).isEqualTo(2);
		// the order and the contract move the accounts' lifecycle stage after their commits
		long survivorVersion = settledVersion(survivor);
		long mergedVersion = settledVersion(merged);

		mvc.perform(post("/api/v1/accounts/" + survivor + "/merge").header("Authorization", adminToken)
			.header("If-Match", "\"" + survivorVersion + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"mergedId": "%s", "mergedVersion": %d, "fields": {"phone": "merged", "lifecycleStage": "survivor"}}
					""".formatted(merged, mergedVersion)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"" + (survivorVersion + 1) + "\""))
			.andExpect(jsonPath("$.name").value(name))
			.andExpect(jsonPath("$.phone").value("+44 20 7946 0000"))
			// the survivor had no website: the merged account's fills it without being asked
			.andExpect(jsonPath("$.website").value("www.globex.example"));

		mvc.perform(get("/api/v1/accounts/" + merged).header("Authorization", adminToken))
			.andExpect(status().isNotFound());
		assertThat(count("account", merged, "id")).isZero();
		assertThat(count("contact", survivor)).isEqualTo(3);
		assertThat(count("opportunity", survivor)).isEqualTo(1);
		assertThat(count("sales_order", survivor)).isEqualTo(1);
		assertThat(count("contract", survivor)).isEqualTo(1);
		for (String table : new String[] { "contact", "opportunity", "sales_order", "contract" }) {
			assertThat(count(table, merged)).as(table + " left on the merged account").isZero();
		}
		assertThat(jdbc.queryForObject("select converted_account_id from lead where id = ?", UUID.class,
				lead.getId())).isEqualTo(survivor.value());
		assertThat(jdbc.queryForObject("select account_id from contact where id = ?", UUID.class,
				movedContact.value())).isEqualTo(survivor.value());
		assertThat(jdbc.queryForObject("select account_id from contact where id = ?", UUID.class,
				keptContact.value())).isEqualTo(survivor.value());

		mvc.perform(get("/api/v1/accounts/" + survivor + "/merges").header("Authorization", adminToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("ACCOUNT"))
			.andExpect(jsonPath("$[0].mergedId").value(merged.toString()))
			.andExpect(jsonPath("$[0].mergedLabel").value(name + " Inc."))
			.andExpect(jsonPath("$[0].mergedValues.website").value("www.globex.example"))
			.andExpect(jsonPath("$[0].chosenFields.phone").value("merged"))
			.andExpect(jsonPath("$[0].chosenFields.name").value("survivor"))
			.andExpect(jsonPath("$[0].mergedBy").value(admin.getId().toString()));

		mvc.perform(get("/accounts/" + survivor).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("merge-log")));
	}

	@Test
	void theSurvivorTakesTheChosenRecordsOwnerAndTeamTogether() throws Exception {
		TeamId west = data.team();
		User eastSeller = data.user(east, Role.SALES);
		User westSeller = data.user(west, Role.SALES);
		String name = TestData.unique("Soylent");
		AccountId survivor = customers.openAccount(data.actor(eastSeller),
				new NewAccount(name, AccountType.COMPANY, null, null, null, null, null));
		AccountId merged = customers.openAccount(data.actor(westSeller),
				new NewAccount(name + " Corp", AccountType.COMPANY, null, null, null, null, null));

		mvc.perform(post("/api/v1/accounts/" + survivor + "/merge").header("Authorization", adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"mergedId": "%s", "version": 0, "mergedVersion": 0, "fields": {"owner": "merged"}}
					""".formatted(merged)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ownerId").value(westSeller.getId().toString()))
			// the owner never lands in a team that is not the one their record was in
			.andExpect(jsonPath("$.teamId").value(west.value().toString()));
	}

	@Test
	void onlyAdministratorsAndTheTeamsManagersMayMergeAndInvisibleAccountsAnswer404() throws Exception {
		User seller = data.user(east, Role.SALES);
		Actor sellerActor = data.actor(seller);
		AccountId one = customers.openAccount(sellerActor, new NewAccount(TestData.unique("Initech"),
				AccountType.COMPANY, null, null, null, null, null));
		AccountId two = customers.openAccount(sellerActor, new NewAccount(TestData.unique("Initech"),
				AccountType.COMPANY, null, null, null, null, null));
		String body = "{\"mergedId\": \"" + two + "\", \"version\": 0, \"mergedVersion\": 0}";

		mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());

		User otherManager = data.user(data.team(), Role.MANAGER);
		mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", data.bearer(otherManager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isNotFound());

		User manager = data.user(east, Role.MANAGER);
		mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", data.bearer(manager))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isOk());
		assertThat(count("account", two, "id")).isZero();
	}

	@Test
	void staleVersionsAreRefusedAndNothingIsMerged() throws Exception {
		AccountId one = customers.openAccount(adminActor, new NewAccount(TestData.unique("Umbrella"),
				AccountType.COMPANY, null, null, null, null, null));
		AccountId two = customers.openAccount(adminActor, new NewAccount(TestData.unique("Umbrella"),
				AccountType.COMPANY, null, null, null, null, null));
		customers.addContact(adminActor, new NewContact(two, null, "Wesker", null, null, null, null));

		mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", adminToken)
			.header("If-Match", "\"7\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + two + "\", \"mergedVersion\": 0}"))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + two + "\", \"version\": 0, \"mergedVersion\": 3}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + two + "\", \"version\": 0, \"mergedVersion\": 0, \"fields\": {\"colour\": \"merged\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("fields.colour"));
		mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", adminToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"mergedId\": \"" + one + "\", \"version\": 0, \"mergedVersion\": 0}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("mergedId"));

		assertThat(count("account", two, "id")).isEqualTo(1);
		assertThat(count("contact", two)).isEqualTo(1);
	}

	@Test
	void theMergePageShowsBothRecordsSideBySideAndAStaleFormComesBackWithTheConflictMessage() throws Exception {
		AccountId one = customers.openAccount(adminActor, new NewAccount(TestData.unique("Hooli"),
				AccountType.COMPANY, null, null, null, null, null));
		AccountId two = customers.openAccount(adminActor, new NewAccount(TestData.unique("Hooli"),
				AccountType.COMPANY, "hooli.example", null, null, null, null));
		mvc.perform(get("/accounts/" + one + "/merge").param("with", two.toString()).with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("keep-merged-website")));
		mvc.perform(post("/accounts/" + one + "/merge").with(data.as(admin))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("mergedId", two.toString())
			.param("version", "0")
			.param("mergedVersion", "5")
			.param("fields[website]", "merged"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("merge-failure")));
		assertThat(count("account", two, "id")).isEqualTo(1);

		mvc.perform(post("/accounts/" + one + "/merge").with(data.as(admin))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("mergedId", two.toString())
			.param("version", "0")
			.param("mergedVersion", "0")
			.param("fields[website]", "merged"))
			.andExpect(status().is3xxRedirection());
		assertThat(count("account", two, "id")).isZero();
		assertThat(jdbc.queryForObject("select website from account where id = ?", String.class, one.value()))
			.isEqualTo("hooli.example");
	}

	@Test
	void theSurvivorKeepsItsCustomValuesAndTakesTheOthersWhereItHasNone(
			@Autowired org.rapport.customization.internal.CustomFieldService fields) throws Exception {
		String suffix = TestData.unique("").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
		java.util.UUID tier = fields.define("account", "tier" + suffix, org.rapport.customization.FieldType.TEXT,
				new org.rapport.customization.internal.FieldDefinition.FieldText("Tier", null, null, null, false, null,
						java.util.List.of(), null)).getId();
		java.util.UUID region = fields.define("account", "region" + suffix, org.rapport.customization.FieldType.TEXT,
				new org.rapport.customization.internal.FieldDefinition.FieldText("Region", null, null, null, false, null,
						java.util.List.of(), null)).getId();
		try {
			String one = created("{\"name\":\"" + TestData.unique("Soylent") + "\",\"customFields\":{\"tier" + suffix
					+ "\":\"Gold\"}}");
			String two = created("{\"name\":\"" + TestData.unique("Soylent") + "\",\"customFields\":{\"tier" + suffix
					+ "\":\"Bronze\",\"region" + suffix + "\":\"North\"}}");
			mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", adminToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergedId\": \"" + two + "\", \"version\": 0, \"mergedVersion\": 0}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.customFields.tier" + suffix).value("Gold"))
				.andExpect(jsonPath("$.customFields.region" + suffix).value("North"));
		}
		finally {
			fields.retire(tier);
			fields.retire(region);
		}
	}

	@Test
	void theUserChoosesPerCustomFieldThroughTheApiAndTheLogKeepsTheChoices(@Autowired CustomFieldService fields)
			throws Exception {
		String suffix = suffix();
		UUID tier = textField(fields, "account", "tier" + suffix, "Tier " + suffix);
		UUID region = textField(fields, "account", "region" + suffix, "Region " + suffix);
		UUID legacy = textField(fields, "account", "legacy" + suffix, "Legacy " + suffix);
		try {
			String one = created("{\"name\":\"" + TestData.unique("Tyrell") + "\",\"customFields\":{\"tier" + suffix
					+ "\":\"Gold\",\"region" + suffix + "\":\"South\",\"legacy" + suffix + "\":\"Old\"}}");
			String two = created("{\"name\":\"" + TestData.unique("Tyrell") + "\",\"customFields\":{\"tier" + suffix
					+ "\":\"Bronze\",\"region" + suffix + "\":\"North\",\"legacy" + suffix + "\":\"Older\"}}");
			fields.retire(legacy);

			mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", adminToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergedId\": \"" + two + "\", \"version\": 0, \"mergedVersion\": 0, \"fields\": {\"cf.nope"
						+ suffix + "\": \"merged\"}}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("fields.cf.nope" + suffix));
			// a retired field has no choice: its values stay as they are, the survivor's first
			mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", adminToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergedId\": \"" + two + "\", \"version\": 0, \"mergedVersion\": 0, \"fields\": {\"cf.legacy"
						+ suffix + "\": \"merged\"}}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("fields.cf.legacy" + suffix));

			mvc.perform(post("/api/v1/accounts/" + one + "/merge").header("Authorization", adminToken)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"mergedId\": \"" + two + "\", \"version\": 0, \"mergedVersion\": 0, \"fields\": {\"cf.tier"
						+ suffix + "\": \"merged\", \"cf.region" + suffix + "\": \"survivor\"}}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.customFields.tier" + suffix).value("Bronze"))
				.andExpect(jsonPath("$.customFields.region" + suffix).value("South"))
				.andExpect(jsonPath("$.customFields.legacy" + suffix).value("Old"));
			assertThat(storedCustomFields(one)).containsEntry("tier" + suffix, "Bronze")
				.containsEntry("region" + suffix, "South")
				.containsEntry("legacy" + suffix, "Old");

			mvc.perform(get("/api/v1/accounts/" + one + "/merges").header("Authorization", adminToken))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[0].chosenFields['cf.tier" + suffix + "']").value("merged"))
				.andExpect(jsonPath("$[0].chosenFields['cf.region" + suffix + "']").value("survivor"))
				.andExpect(jsonPath("$[0].chosenFields['cf.legacy" + suffix + "']").doesNotExist())
				.andExpect(jsonPath("$[0].mergedValues['cf.tier" + suffix + "']").value("Bronze"))
				.andExpect(jsonPath("$[0].mergedValues['cf.region" + suffix + "']").value("North"))
				.andExpect(jsonPath("$[0].mergedValues['cf.legacy" + suffix + "']").value("Older"));
		}
		finally {
			fields.retire(tier);
			fields.retire(region);
		}
	}

	@Test
	void theMergePageOffersARowPerCustomFieldAndTheFormPostKeepsTheChosenValues(@Autowired CustomFieldService fields)
			throws Exception {
		String suffix = suffix();
		UUID tier = textField(fields, "account", "tier" + suffix, "Tier " + suffix);
		UUID region = textField(fields, "account", "region" + suffix, "Region " + suffix);
		UUID legacy = textField(fields, "account", "legacy" + suffix, "Legacy " + suffix);
		try {
			String one = created("{\"name\":\"" + TestData.unique("Cyberdyne") + "\",\"customFields\":{\"tier" + suffix
					+ "\":\"Gold\",\"region" + suffix + "\":\"South\"}}");
			String two = created("{\"name\":\"" + TestData.unique("Cyberdyne") + "\",\"customFields\":{\"tier" + suffix
					+ "\":\"Bronze\",\"region" + suffix + "\":\"North\",\"legacy" + suffix + "\":\"Older\"}}");
			fields.retire(legacy);

			mvc.perform(get("/accounts/" + one + "/merge").param("with", two).with(data.as(admin)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"row-cf.tier" + suffix + "\"")))
				.andExpect(content().string(containsString("Tier " + suffix)))
				.andExpect(content().string(containsString("name=\"fields[cf.region" + suffix + "]\"")))
				.andExpect(content().string(containsString("id=\"keep-merged-cf.tier" + suffix + "\"")))
				.andExpect(content().string(containsString("Bronze")))
				.andExpect(content().string(containsString("North")))
				.andExpect(content().string(not(containsString("row-cf.legacy" + suffix))));

			mvc.perform(post("/accounts/" + one + "/merge").with(data.as(admin))
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("mergedId", two)
				.param("version", "0")
				.param("mergedVersion", "0")
				.param("fields[cf.tier" + suffix + "]", "merged")
				.param("fields[cf.region" + suffix + "]", "survivor"))
				.andExpect(status().is3xxRedirection());
			assertThat(storedCustomFields(one)).containsEntry("tier" + suffix, "Bronze")
				.containsEntry("region" + suffix, "South")
				// the survivor had no value of the retired field: it takes the merged account's
				.containsEntry("legacy" + suffix, "Older");
			mvc.perform(get("/api/v1/accounts/" + one + "/merges").header("Authorization", adminToken))
				.andExpect(jsonPath("$[0].chosenFields['cf.tier" + suffix + "']").value("merged"))
				.andExpect(jsonPath("$[0].chosenFields['cf.region" + suffix + "']").value("survivor"));
			// the merge log on the account's page names the custom fields by their labels, the retired one too, and
			// shows the merged account's type and owner as people read them
			mvc.perform(get("/accounts/" + one).with(data.as(admin)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("text-break mb-1\">Company</dd>")))
				.andExpect(content().string(not(containsString(">COMPANY<"))))
				.andExpect(content().string(containsString("text-break mb-1\">" + admin.getDisplayName() + "</dd>")))
				.andExpect(content().string(containsString(">Tier " + suffix + "</dt>")))
				.andExpect(content().string(containsString(">Legacy " + suffix + "</dt>")))
				.andExpect(content().string(not(containsString(">cf.tier" + suffix + "</dt>"))));
		}
		finally {
			fields.retire(tier);
			fields.retire(region);
		}
	}

	@Test
	void theMergePageShowsCustomValuesAsTheDetailPagesDo(@Autowired CustomFieldService fields) throws Exception {
		String suffix = suffix();
		UUID seats = fields.define("account", "seats" + suffix, FieldType.NUMBER, new FieldDefinition.FieldText(
				"Seats " + suffix, null, null, null, false, null, java.util.List.of(), null)).getId();
		try {
			String one = created("{\"name\":\"" + TestData.unique("Initech") + "\",\"customFields\":{\"seats" + suffix
					+ "\":12500}}");
			String two = created("{\"name\":\"" + TestData.unique("Initech") + "\",\"customFields\":{\"seats" + suffix
					+ "\":350}}");

			mvc.perform(get("/accounts/" + one + "/merge").param("with", two).with(data.as(admin)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(">12,500<")))
				.andExpect(content().string(containsString(">350<")));
		}
		finally {
			fields.retire(seats);
		}
	}

	public static String suffix() {
		return TestData.unique("").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	public static UUID textField(CustomFieldService fields, String entity, String key, String label) {
		return fields.define(entity, key, FieldType.TEXT,
				new FieldDefinition.FieldText(label, null, null, null, false, null, java.util.List.of(), null)).getId();
	}

	private java.util.Map<String, Object> storedCustomFields(String account) throws Exception {
		String body = mvc.perform(get("/api/v1/accounts/" + account).header("Authorization", adminToken))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.customFields");
	}

	private String created(String json) throws Exception {
		String body = mvc.perform(post("/api/v1/accounts").header("Authorization", adminToken)
			.contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.id");
	}

	private long settledVersion(AccountId account) throws InterruptedException {
		long version = -1;
		for (int i = 0; i < 50; i++) {
			long now = jdbc.queryForObject("select version from account where id = ?", Long.class, account.value());
			if (now == version) {
				return now;
			}
			version = now;
			Thread.sleep(200);
		}
		return version;
	}

	private long count(String table, AccountId account) {
		return count(table, account, "account_id");
	}

	private long count(String table, AccountId account, String column) {
		return jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Long.class,
				account.value());
	}
}
