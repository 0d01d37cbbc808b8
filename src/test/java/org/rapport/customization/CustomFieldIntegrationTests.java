package org.rapport.customization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.customization.internal.CustomFieldService;
import org.rapport.customization.internal.FieldDefinition.FieldText;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Custom fields of accounts from definition to form, detail page, list filter, sort and columns, API and export. Other
 * tests share the database, so every field here has a key of its own and is retired afterwards.
 */
@RapportTest
class CustomFieldIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CustomFieldService fields;

	TeamId team;
	User seller;
	User admin;
	String tier;
	String seats;
	String renewal;
	String region;
	List<UUID> defined = new ArrayList<>();

	@BeforeEach
	void fields() {
		team = data.team();
		seller = data.user(team, Role.SALES);
		admin = data.user(team, Role.ADMIN);
		String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		tier = "tier" + suffix;
		seats = "seats" + suffix;
		renewal = "renewal" + suffix;
		region = "region" + suffix;
		defined.add(fields.define("account", tier, FieldType.PICK_LIST,
				new FieldText("Tier", "等级", null, null, false, "Silver", List.of("Gold", "Silver", "Bronze"), null))
			.getId());
		defined.add(fields.define("account", seats, FieldType.NUMBER,
				new FieldText("Seats", "席位", "Licensed seats", null, false, null, List.of(), null)).getId());
		defined.add(fields.define("account", renewal, FieldType.DATE,
				new FieldText("Renewal", "续约日", null, null, false, null, List.of(), null)).getId());
		defined.add(fields.define("account", region, FieldType.TEXT,
				new FieldText("Region", "区域", null, null, false, null, List.of(), null)).getId());
	}

	@AfterEach
	void retire() {
		defined.forEach(fields::retire);
	}

	@Test
	void theFormTakesCustomFieldsAndTheDetailPageShowsThem() throws Exception {
		String name = TestData.unique("Custom Co");
		MvcResult created = mvc.perform(post("/accounts").with(csrf()).with(data.as(seller))
			.param("name", name)
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT")
			.param("_cf." + tier, "").param("cf." + tier, "gold")
			.param("_cf." + seats, "").param("cf." + seats, "250")
			.param("_cf." + renewal, "").param("cf." + renewal, "2027-03-31")
			.param("_cf." + region, "").param("cf." + region, "华东"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(data.as(seller)))
			.andExpect(content().string(containsString("Gold")))
			.andExpect(content().string(containsString("250")))
			.andExpect(content().string(containsString("华东")));
		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(get("/api/v1/accounts/" + id).header("Authorization", data.bearer(seller)))
			.andExpect(jsonPath("$.customFields." + tier).value("Gold"))
			.andExpect(jsonPath("$.customFields." + seats).value(250))
			.andExpect(jsonPath("$.customFields." + renewal).value("2027-03-31"));
		// other modules read the values through the facade
		assertThat(fields.valuesOf("account", List.of(UUID.fromString(id), UUID.randomUUID())))
			.containsOnlyKeys(UUID.fromString(id))
			.extractingByKey(UUID.fromString(id))
			.satisfies(values -> assertThat(values).containsEntry(tier, "Gold").containsEntry(region, "华东"));
	}

	@Test
	void aValueThatDoesNotFitIsShownAtItsFieldAndNothingIsSaved() throws Exception {
		String name = TestData.unique("Refused Co");
		mvc.perform(post("/accounts").with(csrf()).with(data.as(seller))
			.param("name", name)
			.param("type", "COMPANY")
			.param("lifecycleStage", "PROSPECT")
			.param("cf." + tier, "Platinum")
			.param("cf." + seats, "many"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one of the field&#39;s options.")))
			.andExpect(content().string(containsString("Give a whole number.")));
		mvc.perform(get("/api/v1/accounts?q=" + name).header("Authorization", data.bearer(seller)))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void theApiChecksValuesAndNamesTheFieldThatFails() throws Exception {
		mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Api Co") + "\",\"customFields\":{\"" + seats + "\":\"12.5\"}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("customFields." + seats));
		mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Api Co") + "\",\"customFields\":{\"nosuchfield\":1}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("customFields.nosuchfield"));
		MvcResult created = mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Api Co") + "\",\"customFields\":{\"" + seats + "\":12}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.customFields." + seats).value(12))
			.andExpect(jsonPath("$.customFields." + tier).value("Silver"))
			.andReturn();
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		// an update without customFields leaves them as they are
		mvc.perform(put("/api/v1/accounts/" + id).header("Authorization", data.bearer(seller))
			.header("If-Match", created.getResponse().getHeader("ETag"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Renamed " + id + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.customFields." + seats).value(12));
	}

	@Test
	void aRequiredFieldIsEnforcedOnEntryAndARetiredFieldKeepsItsValues() throws Exception {
		String code = "code" + TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		UUID required = fields.define("account", code, FieldType.TEXT,
				new FieldText("Code", null, null, null, true, null, List.of(), null)).getId();
		defined.add(required);
		mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Needs code") + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("customFields." + code));
		MvcResult created = mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + TestData.unique("Has code") + "\",\"customFields\":{\"" + code + "\":\"ZX-9431\"}}"))
			.andExpect(status().isCreated())
			.andReturn();
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		fields.retire(required);
		mvc.perform(get("/api/v1/accounts/" + id).header("Authorization", data.bearer(seller)))
			.andExpect(jsonPath("$.customFields." + code).value("ZX-9431"));
		mvc.perform(get("/accounts/" + id).with(data.as(seller)))
			.andExpect(content().string(not(containsString("ZX-9431"))));
		fields.restore(required);
		mvc.perform(get("/accounts/" + id).with(data.as(seller)))
			.andExpect(content().string(containsString("ZX-9431")));
		fields.retire(required);
	}

	@Test
	void theListFiltersSortsAndShowsColumnsOfCustomFields() throws Exception {
		String prefix = TestData.unique("Filtered");
		for (int i = 1; i <= 3; i++) {
			mvc.perform(post("/api/v1/accounts").header("Authorization", data.bearer(seller))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + prefix + " " + i + "\",\"customFields\":{\"" + tier + "\":\""
						+ (i == 2 ? "Bronze" : "Gold") + "\",\"" + seats + "\":" + (i * 100) + ",\"" + region
						+ "\":\"North " + i + "\"}}"))
				.andExpect(status().isCreated());
		}
		String gold = mvc.perform(get("/accounts?q=" + prefix + "&cf." + tier + "=Gold&cols=cf." + seats
				+ "&sort=cf." + seats + ",desc").with(data.as(seller)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(gold).contains(prefix + " 1", prefix + " 3").doesNotContain(prefix + " 2");
		assertThat(gold.indexOf(prefix + " 3")).isLessThan(gold.indexOf(prefix + " 1"));
		assertThat(gold).contains(">Seats<", ">300<");
		String range = mvc.perform(get("/accounts?q=" + prefix + "&cf." + seats + ".from=150&cf." + seats + ".to=250")
			.with(data.as(seller))).andReturn().getResponse().getContentAsString();
		assertThat(range).contains(prefix + " 2").doesNotContain(prefix + " 1<", prefix + " 3<");
		String text = mvc.perform(get("/accounts?q=" + prefix + "&cf." + region + "=north 3").with(data.as(seller)))
			.andReturn().getResponse().getContentAsString();
		assertThat(text).contains(prefix + " 3").doesNotContain(prefix + " 1<");
		mvc.perform(get("/api/v1/accounts?q=" + prefix + "&cf." + tier + "=Gold&sort=cf." + seats + ",desc")
			.header("Authorization", data.bearer(seller)))
			.andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains(prefix + " 3", prefix + " 1")));
		String csv = mvc.perform(get("/accounts/export.csv?q=" + prefix + "&sort=cf." + seats + ",asc")
			.with(data.as(seller))).andReturn().getResponse().getContentAsString();
		assertThat(csv).contains("cf." + tier, "cf." + seats);
		assertThat(csv.indexOf(prefix + " 1")).isLessThan(csv.indexOf(prefix + " 3"));
	}

	@Test
	void aChangeThatNamesNoVersionAnswers428AndChangesNothing() throws Exception {
		UUID tierId = defined.get(0);
		mvc.perform(put("/api/v1/admin/custom-fields/" + tierId).header("Authorization", data.bearer(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"labelEn": "Overwritten", "labelZh": "覆盖", "options": "Gold\\nSilver\\nBronze"}
					"""))
			.andExpect(status().is(428));
		assertThat(fields.get(tierId).toField().labelEn()).isEqualTo("Tier");
	}

	@Test
	void aChangeNamesTheVersionItReadInIfMatchOrTheBodyAndAnswersTheNewOne() throws Exception {
		UUID tierId = defined.get(0);
		String path = "/api/v1/admin/custom-fields/" + tierId;
		String token = data.bearer(admin);
		String relabelled = """
				{"labelEn": "Level", "labelZh": "级别", "options": "Gold\\nSilver\\nBronze"}
				""";
		mvc.perform(put(path).header("Authorization", token).header("If-Match", "\"7\"")
			.contentType(MediaType.APPLICATION_JSON).content(relabelled))
			.andExpect(status().isPreconditionFailed());
		assertThat(fields.get(tierId).toField().labelEn()).isEqualTo("Tier");

		long read = fields.get(tierId).getVersion();
		mvc.perform(put(path).header("Authorization", token).header("If-Match", "\"" + read + "\"")
			.contentType(MediaType.APPLICATION_JSON).content(relabelled))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"" + (read + 1) + "\""))
			.andExpect(jsonPath("$.labelEn").value("Level"))
			.andExpect(jsonPath("$.version").value(read + 1));
		mvc.perform(put(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(relabelled.replace("Level", "Grade").replace("}", ", \"version\": " + read + "}")))
			.andExpect(status().isConflict());
		assertThat(fields.get(tierId).toField().labelEn()).isEqualTo("Level");
	}

	@Test
	void onlyAdministratorsDefineFieldsAndEveryoneReadsThem() throws Exception {
		String body = "{\"entity\":\"contact\",\"key\":\"" + "hobby" + UUID.randomUUID().toString().substring(0, 6)
				+ "\",\"type\":\"TEXT\",\"labelEn\":\"Hobby\"}";
		mvc.perform(post("/api/v1/admin/custom-fields").header("Authorization", data.bearer(seller))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		MvcResult created = mvc.perform(post("/api/v1/admin/custom-fields").header("Authorization", data.bearer(admin))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn();
		defined.add(UUID.fromString(JsonPath.read(created.getResponse().getContentAsString(), "$.id")));
		mvc.perform(post("/api/v1/admin/custom-fields").header("Authorization", data.bearer(admin))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("key"));
		mvc.perform(get("/api/v1/custom-fields?entity=contact").header("Authorization", data.bearer(seller)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hobby")));
		mvc.perform(get("/admin/fields?entity=account").with(data.as(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tier)));
		mvc.perform(post("/admin/fields").with(csrf()).with(data.as(admin))
			.param("entity", "account").param("key", "Bad Key").param("type", "TEXT").param("labelEn", "Bad"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("lower-case letters")));
	}

	@Test
	void contactsTakeTheirOwnFieldsInFormsListsAndTheApi() throws Exception {
		String vip = "vip" + TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		defined.add(fields.define("contact", vip, FieldType.CHECKBOX,
				new FieldText("VIP", "贵宾", null, null, false, null, List.of(), null)).getId());
		String last = TestData.unique("Zhang");
		mvc.perform(post("/contacts").with(csrf()).with(data.as(seller))
			.param("firstName", "Wei").param("lastName", last)
			.param("_cf." + vip, "").param("cf." + vip, "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/contacts").with(csrf()).with(data.as(seller))
			.param("firstName", "Li").param("lastName", last)
			.param("_cf." + vip, ""))
			.andExpect(status().is3xxRedirection());
		String vips = mvc.perform(get("/contacts?q=" + last + "&cf." + vip + "=true&cols=cf." + vip).with(data.as(seller)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(vips).contains("Wei").doesNotContain(">Li<").contains(">VIP<", ">Yes<");
		mvc.perform(get("/api/v1/contacts?q=" + last).header("Authorization", data.bearer(seller)))
			.andExpect(jsonPath("$.items[*].customFields." + vip, org.hamcrest.Matchers.containsInAnyOrder(true, false)));
	}

	@Test
	void everyCustomFieldInputOfTheFormAndOfTheListFiltersIsNamedByALabelOrALegend() throws Exception {
		String suffix = TestData.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		String interests = "interests" + suffix;
		defined.add(fields.define("account", interests, FieldType.MULTI_PICK_LIST, new FieldText("Interests", "兴趣",
				"What they buy", null, false, null, List.of("Hardware", "Software"), null)).getId());
		defined.add(fields.define("account", "key" + suffix, FieldType.CHECKBOX,
				new FieldText("Key account", "重点客户", null, null, false, null, List.of(), null)).getId());

		String form = mvc.perform(get("/accounts/new").with(data.as(seller)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(labelsOfNothing(form)).as("labels of the form that name no control").isEmpty();
		assertThat(form).containsPattern("<fieldset[^>]*id=\"cf-" + interests
				+ "\"[^>]*aria-describedby=\"cf-" + interests + "-help\"[^>]*>\\s*<legend[^>]*>\\s*<span>Interests</span>");
		assertThat(form).containsPattern("<label[^>]*for=\"cf-" + interests + "-0\"[^>]*>Hardware</label>");

		String list = mvc.perform(get("/accounts").with(data.as(seller)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(labelsOfNothing(list)).as("labels of the list that name no control").isEmpty();
		assertThat(list).as("a range filter is a group named by the field, its inputs by from and to")
			.containsPattern("<fieldset[^>]*>\\s*<legend[^>]*>Seats</legend>\\s*<div[^>]*>\\s*<input[^>]*name=\"cf."
					+ seats + ".from\"[^>]*aria-label=\"From\"");
	}

	/** The targets of the page's labels that are no control: no input (other than a hidden one), select or textarea. */
	private static Set<String> labelsOfNothing(String html) {
		Set<String> controls = Pattern.compile("<(input|select|textarea|button)\\b[^>]*>").matcher(html).results()
			.map(MatchResult::group)
			.filter(tag -> !tag.contains("type=\"hidden\""))
			.map(tag -> Pattern.compile("\\sid=\"([^\"]+)\"").matcher(tag).results().map(id -> id.group(1))
				.findFirst().orElse(""))
			.collect(Collectors.toSet());
		return Pattern.compile("<label\\b[^>]*\\sfor=\"([^\"]+)\"").matcher(html).results()
			.map(label -> label.group(1))
			.filter(target -> !controls.contains(target))
			.collect(Collectors.toSet());
	}
}
