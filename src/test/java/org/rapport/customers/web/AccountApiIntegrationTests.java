package org.rapport.customers.web;

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
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.rapport.identity.internal.UserAdministration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@RapportModuleTest
class AccountApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UserAdministration administration;

	TeamId east;
	User eastSeller;
	String eastToken;
	User westSeller;
	String westToken;

	@BeforeEach
	void people() {
		east = data.team();
		eastSeller = data.user(east, Role.SALES);
		eastToken = data.bearer(eastSeller);
		westSeller = data.user(data.team(), Role.SALES);
		westToken = data.bearer(westSeller);
	}

	@Test
	void creatingAnAccountAnswers201WithItsLocationVersionAndOwner() throws Exception {
		mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson("Acme Robotics")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/accounts/")))
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.name").value("Acme Robotics"))
			.andExpect(jsonPath("$.ownerId").value(eastSeller.getId().toString()))
			.andExpect(jsonPath("$.teamId").value(east.value().toString()))
			.andExpect(jsonPath("$.createdBy").value(eastSeller.getId().toString()))
			.andExpect(jsonPath("$.createdAt").isNotEmpty());
	}

	@Test
	void aReplaceThatNamesNoVersionAnswers428AndOverwritesNothing() throws Exception {
		String location = create(eastToken, "Blind Corp");
		mvc.perform(put(location).header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson("Blind Corp Overwritten")))
			.andExpect(status().is(428))
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.status").value(428))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("If-Match")));
		mvc.perform(get(location).header("Authorization", eastToken))
			.andExpect(jsonPath("$.name").value("Blind Corp"))
			.andExpect(header().string("ETag", "\"0\""));
	}

	@Test
	void aStaleIfMatchAnswers412AndLeavesTheAccountAsItWas() throws Exception {
		String location = create(eastToken, "Stale Corp");
		mvc.perform(put(location).header("Authorization", eastToken)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson("Stale Corp Renamed")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""));

		mvc.perform(put(location).header("Authorization", eastToken)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson("Lost Update")))
			.andExpect(status().isPreconditionFailed())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));

		mvc.perform(get(location).header("Authorization", eastToken))
			.andExpect(jsonPath("$.name").value("Stale Corp Renamed"))
			.andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void anUpdateCarryingAnOldVersionInItsBodyAnswers409() throws Exception {
		String location = create(eastToken, "Race Inc");
		String body = """
				{"name": "Race Inc", "type": "COMPANY", "lifecycleStage": "NEW", "version": 0}
				""";
		mvc.perform(put(location).header("Authorization", eastToken).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk());
		mvc.perform(put(location).header("Authorization", eastToken).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Concurrent update"));
	}

	@Test
	void aSellerGivesARecordOnlyToSomeoneOfTheirTeamAndKeepsItInTheirTeamWhileAnAdministratorGivesItToAnyone()
			throws Exception {
		User teammate = data.user(east, Role.SALES);
		String name = TestData.unique("Handed");
		mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"ownerId\": \"" + westSeller.getId() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"teamId\": \"" + westSeller.getTeamId() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("teamId"));
		String location = mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"ownerId\": \"" + teammate.getId() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.teamId").value(east.value().toString()))
			.andReturn().getResponse().getHeader("Location");
		mvc.perform(put(location).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"ownerId\": \"" + westSeller.getId() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));

		String admin = data.bearer(data.user(null, Role.ADMIN));
		mvc.perform(post("/api/v1/accounts").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"ownerId\": \"" + westSeller.getId() + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.teamId").value(westSeller.getTeamId().toString()));
	}

	@Test
	void invalidFieldsAnswer422NamingEachFieldAndStoreNothing() throws Exception {
		String name = TestData.unique("Never Stored");
		mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": " ", "website": "not a site", "email": "nobody", "type": "COMPANY"}
					"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("website")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("email")));

		mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\", \"ownerId\": \"" + java.util.UUID.randomUUID() + "\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));

		mvc.perform(get("/api/v1/accounts").param("q", name).header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void aBodyThatIsNotJsonAnswers400AndAnUnknownValue422NamingTheField() throws Exception {
		mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": "))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/accounts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"X\", \"lifecycleStage\": \"SOMEWHERE\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("lifecycleStage"));
	}

	@Test
	void requestsWithoutAValidTokenAnswer401() throws Exception {
		mvc.perform(get("/api/v1/accounts")).andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		mvc.perform(get("/api/v1/accounts").header("Authorization", "Bearer rpt_madeUp"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anotherTeamsAccountAnswers404ToReadUpdateAndDelete() throws Exception {
		String location = create(westToken, "West Only");
		mvc.perform(get(location).header("Authorization", eastToken)).andExpect(status().isNotFound());
		mvc.perform(put(location).header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson("Hijacked")))
			.andExpect(status().isNotFound());
		mvc.perform(delete(location).header("Authorization", eastToken)).andExpect(status().isNotFound());
		mvc.perform(get(location).header("Authorization", westToken)).andExpect(jsonPath("$.name").value("West Only"));
	}

	@Test
	void aHiddenAccountAndAForbiddenDeleteAreAnsweredInTheLanguageOfTheUser() throws Exception {
		String hidden = create(westToken, "West Secret");
		String id = hidden.substring(hidden.lastIndexOf('/') + 1);
		String username = TestData.unique("zh").toLowerCase(Locale.ROOT);
		String chinese = data.bearer(administration.createUser(new UserAdministration.NewUser(username,
				"User " + username, null, TestData.PASSWORD, Set.of(Role.SALES), east, Locale.SIMPLIFIED_CHINESE,
				ZoneId.of("Asia/Shanghai"))));
		mvc.perform(get(hidden).header("Authorization", eastToken))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
			.andExpect(jsonPath("$.title").value("Not Found"))
			.andExpect(jsonPath("$.detail").value("No account " + id))
			.andExpect(jsonPath("$.instance").value(hidden));
		mvc.perform(get(hidden).header("Authorization", chinese))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("没有客户 " + id));

		String guarded = create(eastToken, "Guarded East");
		mvc.perform(delete(guarded).header("Authorization", chinese))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.detail").value("只有负责人、其团队的经理或管理员可以删除此客户"));
	}

	@Test
	void listsShowOwnAndTeamRecordsToSellersAndEverythingToAdministrators() throws Exception {
		String tag = TestData.unique("Vis");
		User eastColleague = data.user(east, Role.SALES);
		create(eastToken, tag + " Mine");
		create(data.bearer(eastColleague), tag + " Colleague");
		create(westToken, tag + " Other Team");
		User admin = data.user(null, Role.ADMIN);

		mvc.perform(get("/api/v1/accounts").param("q", tag).header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.total").value(2));
		mvc.perform(get("/api/v1/accounts").param("q", tag).header("Authorization", data.bearer(admin)))
			.andExpect(jsonPath("$.items", hasSize(3)));
	}

	@Test
	void listsFilterSortAndPage() throws Exception {
		String tag = TestData.unique("Page");
		for (String suffix : new String[] { "C", "A", "E", "B", "D" }) {
			create(eastToken, tag + " " + suffix);
		}
		mvc.perform(get("/api/v1/accounts").param("q", tag)
			.param("owner", eastSeller.getId().toString())
			.param("sort", "name,desc")
			.param("size", "2")
			.param("page", "1")
			.header("Authorization", eastToken))
			.andExpect(jsonPath("$.items[0].name").value(tag + " C"))
			.andExpect(jsonPath("$.items[1].name").value(tag + " B"))
			.andExpect(jsonPath("$.hasNext").value(true))
			.andExpect(jsonPath("$.total").value(5));
		mvc.perform(get("/api/v1/accounts").param("q", tag).param("stage", "LOST").header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void anAccountWithContactsIsDeletedOnlyOnceTheCallerSaysWhatBecomesOfThem() throws Exception {
		String location = create(eastToken, "Has Contacts");
		String accountId = location.substring(location.lastIndexOf('/') + 1);
		MvcResult contact = mvc.perform(post("/api/v1/contacts").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": \"" + accountId + "\", \"firstName\": \"Ann\", \"lastName\": \"Lee\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		String contactLocation = contact.getResponse().getHeader("Location");

		mvc.perform(delete(location).header("Authorization", eastToken)).andExpect(status().isConflict());
		mvc.perform(delete(location).param("contacts", "DETACH").header("Authorization", eastToken))
			.andExpect(status().isNoContent());
		mvc.perform(get(location).header("Authorization", eastToken)).andExpect(status().isNotFound());
		mvc.perform(get(contactLocation).header("Authorization", eastToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accountId").doesNotExist());
	}

	@Test
	void aTeamMateWhoDoesNotOwnAnAccountMayNotDeleteItButItsManagerMay() throws Exception {
		String location = create(eastToken, "Guarded");
		User mate = data.user(east, Role.SALES);
		User manager = data.user(east, Role.MANAGER);
		mvc.perform(delete(location).header("Authorization", data.bearer(mate))).andExpect(status().isForbidden());
		mvc.perform(delete(location).header("Authorization", data.bearer(manager))).andExpect(status().isNoContent());
	}

	@Test
	void theOpenApiDocumentDescribesTheAccountsApi() throws Exception {
		MvcResult result = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn();
		String json = result.getResponse().getContentAsString();
		assertThat((Object) JsonPath.read(json, "$.paths['/api/v1/accounts/{id}'].put")).isNotNull();
		assertThat((Object) JsonPath.read(json, "$.paths['/api/v1/contacts'].get")).isNotNull();
	}

	private String create(String token, String name) throws Exception {
		return mvc.perform(post("/api/v1/accounts").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestData.accountJson(name)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}
}
