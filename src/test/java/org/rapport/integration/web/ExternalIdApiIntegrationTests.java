package org.rapport.integration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rapport.RapportTest;
import org.rapport.TestData;
import org.rapport.identity.Role;
import org.rapport.identity.internal.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every kind of record takes the id another system gave it through the API, by the rule imports apply, and records
 * that belong to an account name it by that id.
 */
@RapportTest
class ExternalIdApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void everyKindOfRecordKeepsTheExternalIdItIsCreatedWithAndRefusesOneAnotherRecordHolds() throws Exception {
		User manager = data.user(data.team(), Role.MANAGER);
		String token = data.bearer(manager);
		String tag = TestData.unique("ext");
		String account = created(token, "/api/v1/accounts", """
				{"externalId": " 001%s ", "name": "%s", "type": "COMPANY"}""".formatted(tag, tag), "001" + tag);
		String product = created(token, "/api/v1/products", """
				{"externalId": "01t%s", "sku": "%s", "name": "Widget", "unitPrice": 10, "currency": "EUR"}"""
			.formatted(tag, tag), "01t" + tag);
		created(token, "/api/v1/contacts", """
				{"externalId": "003%s", "lastName": "Lovelace", "accountExternalId": "001%s"}""".formatted(tag, tag),
				"003" + tag);
		created(token, "/api/v1/leads", """
				{"externalId": "00Q%s", "lastName": "Babbage", "company": "Engines"}""".formatted(tag), "00Q" + tag);
		created(token, "/api/v1/opportunities", """
				{"externalId": "006%s", "accountExternalId": "001%s", "name": "Deal", "amount": 500,
				 "currency": "EUR", "closeDate": "%s"}""".formatted(tag, tag, LocalDate.now().plusMonths(1)),
				"006" + tag);
		created(token, "/api/v1/orders", """
				{"externalId": "801%s", "accountExternalId": "001%s", "orderDate": "2026-03-01",
				 "lines": [{"productId": "%s", "quantity": 2}]}""".formatted(tag, tag, product), "801" + tag);
		created(token, "/api/v1/contracts", """
				{"externalId": "800%s", "accountExternalId": "001%s", "startDate": "%s", "endDate": "%s",
				 "value": 1200, "currency": "EUR", "autoRenew": false, "renewalNoticeDays": 30}"""
			.formatted(tag, tag, LocalDate.now(), LocalDate.now().plusYears(1)), "800" + tag);

		mvc.perform(get("/api/v1/contacts").param("q", "Lovelace").header("Authorization", token))
			.andExpect(jsonPath("$.items[?(@.externalId == '003" + tag + "')].accountId").value(account));

		refused("/api/v1/accounts", token, """
				{"externalId": "001%s", "name": "Other", "type": "COMPANY"}""".formatted(tag))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("externalId"))
			.andExpect(jsonPath("$.errors[0].code").value("validation.externalId.taken"));
		refused("/api/v1/leads", token, """
				{"externalId": "%s", "lastName": "Long"}""".formatted("x".repeat(101)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("externalId"));
		refused("/api/v1/contacts", token, """
				{"lastName": "Nobody", "accountExternalId": "no-such-%s"}""".formatted(tag))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("accountExternalId"));
	}

	@Test
	void anUpdateKeepsTheExternalIdItLeavesOutAndTakesItAwayWhenEmpty() throws Exception {
		User seller = data.user(data.team(), Role.SALES);
		String token = data.bearer(seller);
		String tag = TestData.unique("keep");
		String id = created(token, "/api/v1/accounts", """
				{"externalId": "%s", "name": "%s", "type": "COMPANY"}""".formatted(tag, tag), tag);

		mvc.perform(put("/api/v1/accounts/" + id).header("Authorization", token).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "%s renamed", "type": "COMPANY"}""".formatted(tag)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").value(tag))
			.andExpect(jsonPath("$.name").value(tag + " renamed"));
		mvc.perform(put("/api/v1/accounts/" + id).header("Authorization", token).header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"externalId": "", "name": "%s", "type": "COMPANY"}""".formatted(tag)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").doesNotExist());
	}

	@Test
	void anExternalIdHeldByARecordTheUserMayNotSeeIsRefusedWithoutNamingIt() throws Exception {
		String tag = TestData.unique("hidden");
		created(data.bearer(data.user(data.team(), Role.SALES)), "/api/v1/accounts", """
				{"externalId": "%s", "name": "Theirs", "type": "COMPANY"}""".formatted(tag), tag);

		refused("/api/v1/accounts", data.bearer(data.user(data.team(), Role.SALES)), """
				{"externalId": "%s", "name": "Mine", "type": "COMPANY"}""".formatted(tag))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("externalId"))
			.andExpect(jsonPath("$.errors[0].code").value("validation.externalId.unavailable"));
	}

	/** Creates the record and answers its id, after checking that it shows the external id it was given. */
	private String created(String token, String path, String json, String externalId) throws Exception {
		String body = mvc.perform(post(path).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.externalId").value(externalId))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		mvc.perform(get(path + "/" + id).header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.externalId").value(externalId));
		assertThat(id).isNotBlank();
		return id;
	}

	/** Sends what creates a record of the path and answers the outcome, which the test expects to be a refusal. */
	private ResultActions refused(String path, String token, String json) throws Exception {
		return mvc.perform(post(path).header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json));
	}
}
