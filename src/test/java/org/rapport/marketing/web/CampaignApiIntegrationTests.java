package org.rapport.marketing.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@RapportTest
class CampaignApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	String eastToken;
	String westToken;
	User east;

	@BeforeEach
	void setUp() {
		east = data.user(data.team(), Role.SALES);
		eastToken = data.bearer(east);
		westToken = data.bearer(data.user(data.team(), Role.SALES));
	}

	static String json(String name, String status, String budget, String currency, String more) {
		return """
				{"name": "%s", "type": "EMAIL", "status": "%s", "startDate": "2026-03-01", "endDate": "2026-03-31",
				 "budget": %s, "currency": "%s"%s}""".formatted(name, status, budget, currency, more);
	}

	String create(String token, String body) throws Exception {
		return mvc.perform(post("/api/v1/campaigns").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	static String id(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}

	@Test
	void aCreatedCampaignAnswers201WithItsLocationETagAndFields() throws Exception {
		String location = mvc.perform(post("/api/v1/campaigns").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("  Spring mailing ", "PLANNED", "1500.5", "eur",
					", \"actualCost\": 200, \"expectedRevenue\": 9000, \"description\": \"Three waves\"")))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.name").value("Spring mailing"))
			.andExpect(jsonPath("$.type").value("EMAIL"))
			.andExpect(jsonPath("$.status").value("PLANNED"))
			.andExpect(jsonPath("$.startDate").value("2026-03-01"))
			.andExpect(jsonPath("$.endDate").value("2026-03-31"))
			.andExpect(jsonPath("$.budget").value(1500.5))
			.andExpect(jsonPath("$.actualCost").value(200.0))
			.andExpect(jsonPath("$.expectedRevenue").value(9000.0))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.ownerId").value(east.getId().toString()))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(get(location).header("Authorization", eastToken))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"0\""))
			.andExpect(jsonPath("$.description").value("Three waves"));
	}

	@Test
	void invalidCampaignsAnswer422NamingTheFields() throws Exception {
		mvc.perform(post("/api/v1/campaigns").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "", "type": "EMAIL", "status": "PLANNED", "startDate": "2026-03-01",
					 "endDate": "2026-03-31", "budget": -5, "currency": "EURO"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field", hasItem("name")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("budget")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("currency")));
		mvc.perform(post("/api/v1/campaigns").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "Backwards", "type": "EMAIL", "status": "PLANNED", "startDate": "2026-03-01",
					 "endDate": "2026-02-28", "budget": 5, "currency": "EUR"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("endDate"));
		mvc.perform(post("/api/v1/campaigns").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "No status", "type": "EMAIL", "startDate": "2026-03-01",
					 "endDate": "2026-03-02", "budget": 5, "currency": "EUR"}"""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(post("/api/v1/campaigns").header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Orphan", "PLANNED", "5", "EUR", ", \"parentId\": \"" + java.util.UUID.randomUUID() + "\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("parentId"));
	}

	@Test
	void aStaleIfMatchAnswers412AndNoneAnswers428() throws Exception {
		String location = create(eastToken, json("Webinar", "PLANNED", "100", "EUR", ""));
		mvc.perform(put(location).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Webinar renamed", "ACTIVE", "120", "EUR", "")))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.name").value("Webinar renamed"))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
		mvc.perform(put(location).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Lost update", "ACTIVE", "130", "EUR", "")))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(put(location).header("Authorization", eastToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Lost update", "ACTIVE", "130", "EUR", "")))
			.andExpect(status().is(428));
		mvc.perform(get(location).header("Authorization", eastToken))
			.andExpect(jsonPath("$.name").value("Webinar renamed"));
	}

	@Test
	void aRunningCampaignDoesNotGoBackToPlanned() throws Exception {
		String location = create(eastToken, json("Fair", "ACTIVE", "100", "EUR", ""));
		mvc.perform(put(location).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Fair", "PLANNED", "100", "EUR", "")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].message").value("A campaign that is Active cannot move to Planned"));
	}

	@Test
	void anotherTeamsUserNeitherSeesNorChangesNorNestsUnderACampaign() throws Exception {
		String location = create(eastToken, json("East only", "PLANNED", "100", "EUR", ""));
		mvc.perform(get(location).header("Authorization", westToken)).andExpect(status().isNotFound());
		mvc.perform(put(location).header("Authorization", westToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Taken over", "PLANNED", "100", "EUR", "")))
			.andExpect(status().isNotFound());
		mvc.perform(get(location + "/children").header("Authorization", westToken)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/campaigns").header("Authorization", westToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Under a stranger", "PLANNED", "5", "EUR", ", \"parentId\": \"" + id(location) + "\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("parentId"));
		mvc.perform(get("/api/v1/campaigns").param("q", "East only").header("Authorization", westToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(get("/api/v1/campaigns").param("q", "east ONLY").header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(1)));
	}

	@Test
	void theFiguresRollUpOverThreeLevelsAndKeepOtherCurrenciesApart() throws Exception {
		String tag = TestData.unique("Launch");
		String root = create(eastToken, json(tag, "ACTIVE", "1000", "EUR", ", \"actualCost\": 100"));
		String child = create(eastToken, json(tag + " mailings", "ACTIVE", "200", "EUR",
				", \"actualCost\": 50, \"expectedRevenue\": 700, \"parentId\": \"" + id(root) + "\""));
		create(eastToken, json(tag + " teaser", "PLANNED", "30.25", "EUR",
				", \"expectedRevenue\": 300, \"parentId\": \"" + id(child) + "\""));
		create(eastToken, json(tag + " Shanghai", "PLANNED", "5000", "CNY", ", \"parentId\": \"" + id(root) + "\""));
		create(eastToken, json(tag + " elsewhere", "PLANNED", "99999", "EUR", ""));

		mvc.perform(get(root + "/figures").header("Authorization", eastToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total.currency").value("EUR"))
			.andExpect(jsonPath("$.total.campaigns").value(3))
			.andExpect(jsonPath("$.total.budget").value(1230.25))
			.andExpect(jsonPath("$.total.actualCost").value(150.0))
			.andExpect(jsonPath("$.total.expectedRevenue").value(1000.0))
			.andExpect(jsonPath("$.otherCurrencies", hasSize(1)))
			.andExpect(jsonPath("$.otherCurrencies[0].currency").value("CNY"))
			.andExpect(jsonPath("$.otherCurrencies[0].budget").value(5000.0));
		mvc.perform(get(child + "/figures").header("Authorization", eastToken))
			.andExpect(jsonPath("$.total.campaigns").value(2))
			.andExpect(jsonPath("$.total.budget").value(230.25));
		mvc.perform(get(root + "/children").header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(2)));
	}

	@Test
	void aCampaignIsNotPlacedUnderItsOwnSubCampaign() throws Exception {
		String root = create(eastToken, json("Loop root", "PLANNED", "10", "EUR", ""));
		String child = create(eastToken, json("Loop child", "PLANNED", "10", "EUR",
				", \"parentId\": \"" + id(root) + "\""));
		mvc.perform(put(root).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Loop root", "PLANNED", "10", "EUR", ", \"parentId\": \"" + id(child) + "\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("parentId"));
		mvc.perform(put(root).header("Authorization", eastToken).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("Loop root", "PLANNED", "10", "EUR", ", \"parentId\": \"" + id(root) + "\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("parentId"));
	}

	@Test
	void theListFiltersByStatusAndTypeAndSortsByName() throws Exception {
		String tag = TestData.unique("Sorted");
		create(eastToken, json(tag + " b", "ACTIVE", "10", "EUR", ""));
		create(eastToken, json(tag + " a", "ACTIVE", "10", "EUR", ""));
		create(eastToken, json(tag + " c", "PLANNED", "10", "EUR", ""));
		String body = mvc.perform(get("/api/v1/campaigns").param("q", tag).param("status", "ACTIVE")
			.param("type", "EMAIL").param("sort", "name,asc").header("Authorization", eastToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.total").value(2))
			.andReturn()
			.getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat((java.util.List<String>) JsonPath.read(body, "$.items[*].name"))
			.containsExactly(tag + " a", tag + " b");
		mvc.perform(get("/api/v1/campaigns").param("q", tag).param("type", "WEBINAR").header("Authorization", eastToken))
			.andExpect(jsonPath("$.items", hasSize(0)));
	}
}
