package org.rapport.customization;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportModuleTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.TeamId;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Saved views of the lists through the pages and the API: what a view keeps, who sees it, who changes it. How a
 * default view opens its list is {@link DefaultViewIntegrationTests}, as the lists belong to other modules.
 */
@RapportModuleTest
class SavedViewIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	TeamId team;
	User seller;
	User teammate;

	@BeforeEach
	void people() {
		team = data.team();
		seller = data.user(team, Role.SALES);
		teammate = data.user(team, Role.SALES);
	}

	@Test
	void aViewSavedFromTheListKeepsItsFiltersAndSortButNotThePage() throws Exception {
		String name = TestData.unique("Hot prospects");
		mvc.perform(post("/views").with(csrf()).with(data.as(seller))
			.param("list", "accounts")
			.param("name", name)
			.param("query", "q=ac&stage=PROSPECT&owner=&sort=name,desc&page=3&size=50"))
			.andExpect(redirectedUrl("/accounts?q=ac&stage=PROSPECT&sort=name,desc&size=50"));
		mvc.perform(get("/views/menu").param("list", "accounts").with(data.as(seller)))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("/accounts?q=ac&amp;stage=PROSPECT&amp;sort=name,desc&amp;size=50")));
	}

	@Test
	void aPrivateViewIsTheOwnersAndASharedOneTheWholeTeams() throws Exception {
		String mine = TestData.unique("Mine");
		String ours = TestData.unique("Ours");
		save(seller, "contacts", mine, false, false);
		save(seller, "contacts", ours, true, false);
		mvc.perform(get("/views/menu").param("list", "contacts").with(data.as(teammate)))
			.andExpect(content().string(containsString(ours)))
			.andExpect(content().string(not(containsString(mine))));
		mvc.perform(get("/api/v1/views").param("list", "contacts").header("Authorization", data.bearer(seller)))
			.andExpect(jsonPath("$", hasSize(2)));
	}

	@Test
	void onlyTheOwnerChangesOrDeletesAViewAndNamesDoNotRepeat() throws Exception {
		String token = data.bearer(seller);
		String body = "{\"list\": \"leads\", \"name\": \"Hot\", \"query\": \"rating=HOT\", \"shared\": true}";
		String created = mvc.perform(post("/api/v1/views").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.shared").value(true))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(created, "$.id");
		mvc.perform(post("/api/v1/views").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
		String other = data.bearer(teammate);
		mvc.perform(put("/api/v1/views/" + id).header("Authorization", other).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(delete("/api/v1/views/" + id).header("Authorization", data.bearer(data.user(data.team(), Role.SALES))))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/views/" + id).header("Authorization", token)).andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/views").header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\": \"nowhere\", \"name\": \"X\"}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aChangeNamesTheVersionItReadAndNeverOverwritesAChangeMadeMeanwhile() throws Exception {
		String token = data.bearer(seller);
		String name = TestData.unique("Hot");
		var created = mvc.perform(post("/api/v1/views").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"list\": \"leads\", \"name\": \"" + name + "\", \"query\": \"rating=HOT\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn();
		String view = "/api/v1/views/" + JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		String renamed = "{\"list\": \"leads\", \"name\": \"" + name + " renamed\", \"query\": \"rating=WARM\"}";

		mvc.perform(put(view).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(renamed))
			.andExpect(status().is(428));
		mvc.perform(put(view).header("Authorization", token).header("If-Match", "\"3\"")
			.contentType(MediaType.APPLICATION_JSON).content(renamed))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(put(view).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(renamed.replace("}", ", \"version\": 3}")))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/views").param("list", "leads").header("Authorization", token))
			.andExpect(jsonPath("$[?(@.name == '" + name + "')].query").value(org.hamcrest.Matchers.contains("rating=HOT")));

		mvc.perform(put(view).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content(renamed))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value(name + " renamed"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put(view).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(renamed.replace("}", ", \"shared\": true, \"version\": 0}")))
			.andExpect(status().isConflict());
		mvc.perform(put(view).header("Authorization", token).contentType(MediaType.APPLICATION_JSON)
			.content(renamed.replace("}", ", \"shared\": true, \"version\": 1}")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.shared").value(true));
	}

	private void save(User user, String list, String name, boolean shared, boolean makeDefault) throws Exception {
		mvc.perform(post("/views").with(csrf()).with(data.as(user))
			.param("list", list)
			.param("name", name)
			.param("query", "kind=OPEN&sort=closeDate,asc")
			.param("shared", String.valueOf(shared))
			.param("makeDefault", String.valueOf(makeDefault)))
			.andExpect(status().is3xxRedirection());
	}
}
